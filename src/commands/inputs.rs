//! Shared by `report` and `check`: flags and config file to [`Settings`] and [`Inputs`], then every input read
//! through the normalise layer into [`Records`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{InputArgs, PopulationArgs, StatisticsArgs};
use crate::compute::population::area::{parse_area, AreaChoice};
use crate::config::{self, ConfigFile, Inputs, ReadOptions, Settings};
use crate::error::{Error, Result};
use crate::normalise::mapping::ValueMappings;
use crate::normalise::records::{self, InputFile, Period, Records};
use crate::stats::CiMethod;

/// The resolved run: settings, inputs, and the config file's folder.
#[derive(Debug, Clone)]
pub struct Run {
    /// The settings.
    pub settings: Settings,
    /// The input files.
    pub inputs: Inputs,
    /// The config file, if one was given.
    pub config: ConfigFile,
    /// The folder relative config paths resolve from.
    pub base: Option<PathBuf>,
}

fn input(
    kind: &'static str,
    base: Option<&Path>,
    flag: &Option<PathBuf>,
    from_config: &Option<PathBuf>,
    options: &ReadOptions,
    mappings: &Arc<ValueMappings>,
) -> Result<Option<InputFile>> {
    let (path, shown) = match (flag, from_config) {
        (Some(p), _) => (p.clone(), p.display().to_string()),
        (None, Some(p)) => (config::resolve(base, p), p.display().to_string()),
        (None, None) => return Ok(None),
    };
    let date_order = match &options.date_order {
        Some(order) => config::parse_date_order(&kind.to_ascii_lowercase(), order)?,
        None => None,
    };
    Ok(Some(InputFile {
        path,
        shown,
        sheet: options.sheet.clone(),
        columns: options.columns.clone(),
        kind: Some(kind),
        date_order,
        mappings: Arc::clone(mappings),
    }))
}

/// Resolves the flags and the config file (flags win).
pub fn resolve(
    args: &InputArgs,
    stats: &StatisticsArgs,
    population: &PopulationArgs,
    example_dir: Option<&Path>,
) -> Result<Run> {
    let (config, base) = match (&args.config, example_dir) {
        (Some(path), _) => (config::load(path)?, path.parent().map(Path::to_path_buf)),
        (None, Some(dir)) => (config::load(&dir.join("trust.toml"))?, Some(dir.to_path_buf())),
        (None, None) => (ConfigFile::default(), None),
    };
    let base_ref = base.as_deref();
    let c = &config;
    let m = &Arc::new(ValueMappings::from_config(&c.mapping.fields)?);
    let inputs = Inputs {
        staff: input("Staff", base_ref, &args.staff, &c.inputs.staff, &c.staff, m)?,
        recruitment: input("Recruitment", base_ref, &args.recruitment, &c.inputs.recruitment, &c.recruitment, m)?,
        cases: input("Cases", base_ref, &args.cases, &c.inputs.cases, &c.cases, m)?,
        training: input("Training", base_ref, &args.training, &c.inputs.training, &c.training, m)?,
        survey: input("Survey", base_ref, &args.survey, &c.inputs.survey, &c.survey, m)?,
        board: input("Board", base_ref, &args.board, &c.inputs.board, &c.board, m)?,
        workforce_mapping: config::workforce_mapping(&c.mapping)?,
        previous: if args.previous.is_empty() {
            c.inputs.previous.iter().map(|p| config::resolve(base_ref, p)).collect()
        } else {
            args.previous.clone()
        },
        population: if population.files.is_empty() && population.catchment.is_none() {
            c.population.files.iter().chain(&c.population.catchment).map(|p| config::resolve(base_ref, p)).collect()
        } else {
            population.files.iter().chain(&population.catchment).cloned().collect()
        },
    };
    let area = match (&population.catchment_of, &population.area, &c.population.catchment_of, &c.population.area) {
        (Some(ods), _, _, _) | (None, None, Some(ods), _) => {
            AreaChoice::Catchment { trust_ods: ods.trim().to_string() }
        }
        (None, Some(spec), _, _) | (None, None, None, Some(spec)) => parse_area(spec)?,
        (None, None, None, None) => AreaChoice::England,
    };
    let in_config = |key: &'static str| {
        move |e: Error| match &args.config {
            Some(path) => e.context(format!("{}: [period] {key}", path.display())),
            None => e,
        }
    };
    let snapshot = match (&args.year, &args.snapshot_date, &c.period.year, &c.period.snapshot_date) {
        (Some(y), _, _, _) => for_year(config::parse_year(y).map_err(|e| e.context("--year"))?)?,
        (None, None, Some(y), None) => for_year(config::parse_year(&y.text()).map_err(in_config("year"))?)?,
        (None, Some(d), _, _) => config::parse_snapshot_date(d)?,
        (None, None, _, Some(d)) => config::parse_snapshot_date(d).map_err(in_config("snapshot_date"))?,
        (None, None, None, None) => {
            return Err(Error::usage("no reporting year given").with_hint(
                "give --year 2025 (snapshot 31 March 2025) or --snapshot-date, or [period] year in the config",
            ))
        }
    };
    let ci_method = match (&stats.ci_method, &c.statistics.ci_method) {
        (Some(m), _) | (None, Some(m)) => config::parse_ci_method(m)?,
        (None, None) => CiMethod::Score,
    };
    let ci_level = config::parse_ci_level(stats.ci_level.or(c.statistics.ci_level).unwrap_or(0.95))?;
    let rolling_average = match (&stats.rolling_average, &c.statistics.rolling_average) {
        (Some(r), _) | (None, Some(r)) => config::parse_rolling_average(r)?,
        (None, None) => config::RollingAverage::CurrentHeadcount,
    };
    let standards = match (&args.standards, &c.report.standards) {
        (Some(list), _) => config::Standards::parse(list).map_err(|e| e.context("--standards"))?,
        (None, Some(list)) => config::Standards::from_words(list.0.iter().map(String::as_str)).map_err(|e| {
            let e = e.context("[report] standards");
            match &args.config {
                Some(path) => e.context(path.display()),
                None => e,
            }
        })?,
        (None, None) => config::Standards::BOTH,
    };
    let settings = Settings {
        organisation: c.organisation.clone(),
        snapshot_date: snapshot,
        ci_method,
        ci_level,
        rolling_average,
        include_ill_health: stats.include_ill_health || c.statistics.include_ill_health.unwrap_or(false),
        publication: stats.publication || c.output.publication.unwrap_or(false),
        previous_headcount: c.statistics.previous_headcount.clone(),
        wdes9b: c.wdes9b.clone(),
        area,
        pay: c.pay.settings()?,
        standards,
        status: c.status.rules()?,
    };
    Ok(Run { settings, inputs, config, base })
}

/// The snapshot of a reporting year (31 March).
fn for_year(year: i32) -> Result<chrono::NaiveDate> {
    Period::for_year(year).map(|p| p.snapshot).ok_or_else(|| Error::usage(format!("{year} is not a reporting year")))
}

/// The effective settings of a run, as a config file (`--print-config`): every input with its resolved path and
/// every setting with its value, defaults included.
pub fn effective_config(run: &Run) -> ConfigFile {
    let mut c = run.config.clone();
    let path = |f: &Option<InputFile>| f.as_ref().map(|f| f.path.clone());
    c.inputs = config::InputsConfig {
        previous: run.inputs.previous.clone(),
        staff: path(&run.inputs.staff),
        recruitment: path(&run.inputs.recruitment),
        cases: path(&run.inputs.cases),
        training: path(&run.inputs.training),
        survey: path(&run.inputs.survey),
        board: path(&run.inputs.board),
    };
    let s = &run.settings;
    c.organisation = s.organisation.clone();
    c.period = config::PeriodConfig { year: None, snapshot_date: Some(s.snapshot_date.format("%Y-%m-%d").to_string()) };
    c.statistics = config::StatisticsConfig {
        ci_method: Some(s.ci_method.name().to_string()),
        ci_level: Some(s.ci_level),
        rolling_average: Some(
            match s.rolling_average {
                config::RollingAverage::CurrentHeadcount => "current_headcount",
                config::RollingAverage::Pooled => "pooled",
            }
            .to_string(),
        ),
        include_ill_health: Some(s.include_ill_health),
        previous_headcount: s.previous_headcount.clone(),
    };
    c.output.publication = Some(s.publication);
    c.report.standards =
        Some(config::StandardsList(s.standards.names().iter().map(|n| n.to_ascii_lowercase()).collect()));
    c.wdes9b = s.wdes9b.clone();
    let st = &s.status;
    c.status = crate::compute::status::StatusConfig {
        ratio_low: Some(st.ratio_low),
        ratio_high: Some(st.ratio_high),
        min_expected: Some(st.min_expected),
        gap_points: Some(st.gap_points),
        score_points: Some(st.score_points),
        senior_share: Some(st.senior_share),
        board_amber_members: Some(st.board_amber_members),
        board_red_members: Some(st.board_red_members),
    };
    c.pay = config::PayConfig {
        weekly_hours: Some(s.pay.weekly_hours),
        salary_basis: Some(
            match s.pay.salary_basis {
                config::SalaryBasis::Actual => "actual",
                config::SalaryBasis::FullTime => "full_time",
            }
            .to_string(),
        ),
    };
    c
}

/// The paths of every input, for refusing to overwrite one.
pub fn input_paths(inputs: &Inputs) -> Vec<PathBuf> {
    given(inputs).map(|f| f.path.clone()).collect()
}

/// Reads and normalises every input given.
///
/// The inputs are read concurrently (on rayon's pool): the staff snapshot alongside recruitment, survey and board,
/// which do not need it, and each file's SHA-256 alongside; then cases and training, which join to the snapshot,
/// alongside each other. The records, their data-quality entries (in input order) and the first error (in input
/// order: staff, recruitment, cases, training, survey, board) are those of reading them one after another.
pub fn load(inputs: &Inputs, period: &Period) -> Result<Records> {
    load_showing(inputs, period, &super::progress::Activity::start("", super::Verbosity::Quiet))
}

/// [`load`], saying on `activity` how many of the inputs have been read.
pub fn load_showing(inputs: &Inputs, period: &Period, activity: &super::progress::Activity) -> Result<Records> {
    if input_paths(inputs).is_empty() {
        return Err(Error::usage("no input files given").with_hint(
            "name them with --staff, --recruitment, --cases, --training, --survey, --board, or --config trust.toml \
             (or try --example)",
        ));
    }
    let total = given(inputs).count();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let read = |file: &InputFile| {
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        activity.say(&format!("reading the inputs: {n} of {total} read ({} done)", file.shown));
    };
    let tell = Told(&read);
    let digests = || given(inputs).map(|f| sha256(&f.path)).collect::<Vec<_>>();
    let staff =
        || inputs.staff.as_ref().map(|f| tell.at(f, records::staff::normalise_staff(f, &inputs.workforce_mapping)));
    let recruitment =
        || inputs.recruitment.as_ref().map(|f| tell.at(f, records::recruitment::normalise_recruitment(f, period)));
    let survey = || inputs.survey.as_ref().map(|f| tell.at(f, records::survey::normalise_survey(f)));
    let board = || inputs.board.as_ref().map(|f| tell.at(f, records::board::normalise_board(f)));
    let population =
        || (!inputs.population.is_empty()).then(|| crate::read::census::PopulationFiles::read(&inputs.population));
    let ((staff, (recruitment, digests)), ((survey, board), population)) = rayon::join(
        || rayon::join(staff, || rayon::join(recruitment, digests)),
        || rayon::join(|| rayon::join(survey, board), population),
    );
    let mut out = Records { workforce_mapping: inputs.workforce_mapping.clone(), ..Records::default() };
    if let Some(r) = staff {
        let (staff, q) = r?;
        out.staff = Some(staff);
        out.quality.push(q);
    }
    if let Some(r) = recruitment {
        let (r, q) = r?;
        out.recruitment = Some(r);
        out.quality.push(q);
    }
    let snapshot = out.staff.as_ref();
    let (cases, training) = rayon::join(
        || inputs.cases.as_ref().map(|f| tell.at(f, records::cases::normalise_cases(f, period, snapshot))),
        || inputs.training.as_ref().map(|f| tell.at(f, records::training::normalise_training(f, period, snapshot))),
    );
    if let Some(r) = cases {
        let (c, q) = r?;
        out.cases = Some(c);
        out.quality.push(q);
    }
    if let Some(r) = training {
        let (t, q) = r?;
        out.training = Some(t);
        out.quality.push(q);
    }
    if let Some(r) = survey {
        let (s, q) = r?;
        out.survey = Some(s);
        out.quality.push(q);
    }
    if let Some(r) = board {
        let (b, q) = r?;
        out.board = Some(b);
        out.quality.push(q);
    }
    for path in &inputs.previous {
        out.previous.push(crate::read::previous::read_previous(path)?);
    }
    // A header with nothing below it is a failed or filtered export, not a trust with no staff; only a cases file
    // may honestly be empty (no cases in the two years).
    for (q, f) in out.quality.iter().zip(given(inputs)) {
        if q.rows_read == Some(0) && q.kind != "cases" {
            return Err(Error::data(format!(
                "{}: has a header row (row {}) but no data rows below it",
                f.shown, q.header_row
            ))
            .with_hint("export the data again: an export with only a header usually means a filter matched nobody"));
        }
    }
    if let Some(p) = population {
        out.population = p?;
    }
    for (q, digest) in out.quality.iter_mut().zip(digests) {
        q.sha256 = Some(digest?);
    }
    Ok(out)
}

/// Says an input was read, passing its result through.
struct Told<'a>(&'a (dyn Fn(&InputFile) + Sync));

impl Told<'_> {
    fn at<T>(&self, file: &InputFile, result: T) -> T {
        (self.0)(file);
        result
    }
}

/// The inputs given, in the order they are read (and their data-quality entries are pushed).
fn given(inputs: &Inputs) -> impl Iterator<Item = &InputFile> {
    [&inputs.staff, &inputs.recruitment, &inputs.cases, &inputs.training, &inputs.survey, &inputs.board]
        .into_iter()
        .flatten()
}

/// The SHA-256 digest of a file, in lower-case hex.
fn sha256(path: &Path) -> Result<String> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(format!("{}: cannot read: {e}", path.display())))?;
    let mut hasher = Sha256::new();
    // Read in blocks of 64 KiB: std::io::copy's 8 KiB would take eight times the system calls.
    let mut buf = vec![0u8; 1 << 16];
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(buf.get(..n).unwrap_or_default()),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(format!("{}: cannot read: {e}", path.display()))),
        }
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}
