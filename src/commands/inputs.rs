//! Shared by `report` and `check`: flags and config file to [`Settings`] and [`Inputs`], then every input read
//! through the normalise layer into [`Records`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{InputArgs, PopulationArgs, StatisticsArgs};
use crate::compute::population::area::{parse_area, AreaChoice};
use crate::config::{self, ConfigFile, Inputs, ReadOptions, Settings};
use crate::error::{Error, ErrorKind, Result};
use crate::normalise::mapping::ValueMappings;
use crate::normalise::quality::InputQuality;
use crate::normalise::records::{self, InputFile, Period, Records};
use crate::render::claim::Claims;
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
    /// The config file, as given (none with flags only; the example's own with `--example`).
    pub config_path: Option<PathBuf>,
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
    let config_path = match (&args.config, example_dir) {
        (Some(path), _) => Some(path.clone()),
        (None, Some(dir)) => Some(dir.join("trust.toml")),
        (None, None) => None,
    };
    let (config, base) = match &config_path {
        Some(path) => (config::load(path)?, path.parent().map(Path::to_path_buf)),
        None => (ConfigFile::default(), None),
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
    let config = with_population_flags(config, population);
    Ok(Run { settings, inputs, config, base, config_path })
}

/// The config with the population flags in place of its `[population]` settings where they are given (the flags
/// win, as they do for the run), so that `--print-config` prints what the run uses. Paths from the command line
/// are made absolute (they are relative to where the command runs, not to the config file).
fn with_population_flags(mut config: ConfigFile, flags: &PopulationArgs) -> ConfigFile {
    let p = &mut config.population;
    if !flags.files.is_empty() || flags.catchment.is_some() {
        p.files = flags.files.iter().map(|f| config::absolute(f)).collect();
        p.catchment = flags.catchment.as_deref().map(config::absolute);
    }
    if let Some(ods) = &flags.catchment_of {
        (p.catchment_of, p.area) = (Some(ods.clone()), None);
    } else if let Some(area) = &flags.area {
        (p.catchment_of, p.area) = (None, Some(area.clone()));
    }
    config
}

/// The snapshot of a reporting year (31 March).
fn for_year(year: i32) -> Result<chrono::NaiveDate> {
    Period::for_year(year).map(|p| p.snapshot).ok_or_else(|| Error::usage(format!("{year} is not a reporting year")))
}

/// Every file a run reads, each with what it is, so that no output can overwrite one (see
/// [`crate::render::claim`]).
pub fn claims(run: &Run) -> Claims {
    let mut claims = Claims::new();
    if let Some(path) = &run.config_path {
        claims.reads(path, "the config file");
    }
    for f in given(&run.inputs) {
        claims.reads(&f.path, &format!("the {} input", f.kind.unwrap_or("data").to_lowercase()));
    }
    for path in &run.inputs.previous {
        claims.reads(path, "a previous year's results (--previous)");
    }
    for path in &run.inputs.population {
        claims.reads(path, "a population or catchment file");
    }
    claims
}

/// The effective settings of a run, as a config file (`--print-config`): every input with its path made absolute
/// (so the printed file works wherever it is saved) and every setting with its value, defaults included.
pub fn effective_config(run: &Run) -> ConfigFile {
    let mut c = run.config.clone();
    let path = |f: &Option<InputFile>| f.as_ref().map(|f| config::absolute(&f.path));
    let absolute = |paths: &[PathBuf]| paths.iter().map(|p| config::absolute(p)).collect::<Vec<_>>();
    c.population.files = absolute(&config_paths(run.base.as_deref(), &c.population.files));
    c.population.catchment =
        c.population.catchment.as_ref().map(|p| config::absolute(&config::resolve(run.base.as_deref(), p)));
    c.inputs = config::InputsConfig {
        previous: absolute(&run.inputs.previous),
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

fn config_paths(base: Option<&Path>, paths: &[PathBuf]) -> Vec<PathBuf> {
    paths.iter().map(|p| config::resolve(base, p)).collect()
}

/// The paths of every data input.
pub fn input_paths(inputs: &Inputs) -> Vec<PathBuf> {
    given(inputs).map(|f| f.path.clone()).collect()
}

/// Every input read: the records of those that could be used, and each failure.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The records (and data-quality entries) of the inputs read.
    pub records: Records,
    /// The inputs that could not be used, in input order.
    pub failures: Vec<Failure>,
    /// Inputs named but left empty in a workbook holding several inputs (a filled-in `template`): taken as not
    /// given, each kind with why.
    pub not_given: Vec<(&'static str, String)>,
}

/// An input that could not be used.
#[derive(Debug)]
pub struct Failure {
    /// Its kind (`staff`, ..., `previous`, `population`).
    pub kind: &'static str,
    /// The path as given.
    pub shown: String,
    /// What went wrong.
    pub error: Error,
}

/// Reads and normalises every input given, going on past a failure so that each is reported.
///
/// The inputs are read concurrently (on rayon's pool): the staff snapshot alongside recruitment, survey and board,
/// which do not need it, and each file's SHA-256 alongside; then cases and training, which join to the snapshot,
/// alongside each other. The records, their data-quality entries and the failures (in input order: staff,
/// recruitment, cases, training, survey, board, then previous results and population files) are those of reading
/// them one after another.
///
/// A header with nothing below it is a failed or filtered export, not a trust with no staff (only a cases file
/// may honestly be empty: no cases in the two years), so it fails, naming the sheet and the input. One exception:
/// in a workbook named for several inputs (a filled-in `template`), a sheet named after its input and left with
/// only its header is that input not given.
///
/// `activity` is told as each input has been read.
pub fn load_each(inputs: &Inputs, period: &Period, activity: &super::progress::Activity) -> Result<Loaded> {
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
    let mut loaded = Loaded {
        records: Records { workforce_mapping: inputs.workforce_mapping.clone(), ..Records::default() },
        ..Loaded::default()
    };
    // One digest per input given, in input order.
    let mut digests = digests.into_iter();
    let d = &mut digests;
    loaded.records.staff = settle(inputs, &inputs.staff, staff, d, &mut loaded);
    loaded.records.recruitment = settle(inputs, &inputs.recruitment, recruitment, d, &mut loaded);
    let snapshot = loaded.records.staff.as_ref();
    let (cases, training) = rayon::join(
        || inputs.cases.as_ref().map(|f| tell.at(f, records::cases::normalise_cases(f, period, snapshot))),
        || inputs.training.as_ref().map(|f| tell.at(f, records::training::normalise_training(f, period, snapshot))),
    );
    let d = &mut digests;
    loaded.records.cases = settle(inputs, &inputs.cases, cases, d, &mut loaded);
    loaded.records.training = settle(inputs, &inputs.training, training, d, &mut loaded);
    loaded.records.survey = settle(inputs, &inputs.survey, survey, d, &mut loaded);
    loaded.records.board = settle(inputs, &inputs.board, board, d, &mut loaded);
    for path in &inputs.previous {
        match crate::read::previous::read_previous(path) {
            Ok(previous) => loaded.records.previous.push(previous),
            Err(error) => loaded.failures.push(Failure { kind: "previous", shown: path.display().to_string(), error }),
        }
    }
    match population {
        Some(Ok(p)) => loaded.records.population = p,
        Some(Err(error)) => {
            let shown = inputs.population.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
            loaded.failures.push(Failure { kind: "population", shown, error });
        }
        None => {}
    }
    Ok(loaded)
}

/// One input's outcome into `loaded`: its records when they can be used (see [`load_each`] on a header with
/// nothing below it), else its failure.
fn settle<T>(
    inputs: &Inputs,
    file: &Option<InputFile>,
    read: Option<Result<(T, InputQuality)>>,
    digests: &mut dyn Iterator<Item = Result<String>>,
    loaded: &mut Loaded,
) -> Option<T> {
    let (file, read) = (file.as_ref()?, read?);
    let digest = digests.next()?;
    let kind = file.kind.unwrap_or("input").to_lowercase();
    let kind: &'static str = match kind.as_str() {
        "staff" => "staff",
        "recruitment" => "recruitment",
        "cases" => "cases",
        "training" => "training",
        "survey" => "survey",
        "board" => "board",
        _ => "input",
    };
    let fail = |loaded: &mut Loaded, error: Error| {
        loaded.failures.push(Failure { kind, shown: file.shown.clone(), error });
        None
    };
    let shared = given(inputs).filter(|f| f.path == file.path).count() > 1;
    let (records, mut quality) = match read {
        Ok(read) => read,
        // A file of another kind given here (its columns say so): the command line or config is what is wrong.
        Err(error) if error.kind() == ErrorKind::Data && !shared => match records::resembles(file, kind) {
            Some(other) => {
                let wrong = Error::usage(format!(
                    "{}: given as the {kind} input, but its columns are those of the {other} input",
                    file.shown
                ))
                .with_hint(format!(
                    "give it as --{other} (inputs.{other} in the config file), and the {kind} file as --{kind}"
                ));
                return fail(loaded, wrong);
            }
            None => return fail(loaded, error),
        },
        Err(error) => return fail(loaded, error),
    };
    if quality.rows_read == Some(0) {
        let own_sheet = file.kind.is_some_and(|k| quality.sheet.trim().eq_ignore_ascii_case(k));
        if own_sheet && shared {
            let why = format!("sheet '{}' of {} holds only its header row", quality.sheet, file.shown);
            loaded.not_given.push((kind, why));
            return None;
        }
        if kind != "cases" {
            let place = if quality.sheet.is_empty() {
                file.shown.clone()
            } else {
                format!("{}, sheet '{}'", file.shown, quality.sheet)
            };
            return fail(
                loaded,
                Error::data(format!(
                    "{place}: the {kind} input has a header row (row {}) but no data rows below it",
                    quality.header_row
                ))
                .with_hint("export the data again: an export with only a header usually means a filter matched nobody"),
            );
        }
    }
    match digest {
        Ok(digest) => quality.sha256 = Some(digest),
        Err(error) => return fail(loaded, error),
    }
    loaded.records.quality.push(quality);
    Some(records)
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
