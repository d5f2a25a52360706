//! The .wast runner and the spectest host module, written once for any engine.

pub mod report;
pub mod spectest;
pub mod suite;
pub mod values;
pub mod wast;

use crate::Spec;
use report::Report;

/// Play every script and gather the report; `each` sees each file's report as it ends.
pub fn run(
    scripts: &[suite::Script],
    spec: Spec,
    engine_name: &str,
    engine: wast::EngineFactory,
    mut each: impl FnMut(usize, &Report),
) -> Report {
    let mut report = Report::new(spec, engine_name);
    for (i, script) in scripts.iter().enumerate() {
        let outcomes = wast::run_script(&script.text, spec, engine);
        report.add_file(&script.path, &outcomes);
        each(i, &report);
    }
    report
}
