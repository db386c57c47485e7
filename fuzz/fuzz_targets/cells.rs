#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    wres_wdes_fuzz::cells(data);
});
