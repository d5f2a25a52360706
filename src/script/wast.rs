//! The .wast runner: plays each command of a script against an engine and judges it as the
//! official reference interpreter does (an error message passes when it starts with the
//! expected text).
//!
//! Text modules are turned into binaries by the `wast` crate; from there on every module
//! goes through lockstep's own decoder and validator, then to the engine.

use super::report::{Kind, Outcome, Verdict};
use super::values::{arg_value, matches_result, show_result};
use crate::rules::Rule;
use crate::runtime::{Engine, Error, ExternVal, InstanceId, Resource, Val};
use crate::syntax::Module;
use crate::{Spec, binary, valid};
use std::collections::HashMap;
use std::rc::Rc;
use wast::core::WastRetCore;
use wast::{QuoteWat, WastDirective, WastExecute, WastInvoke, WastRet};

/// Why a command could not be judged by this run.
const NO_ENGINE: &str = "no execution engine yet";

/// Makes a fresh engine (one store per script), or none when lockstep only checks statically.
pub type EngineFactory<'a> = &'a dyn Fn() -> Option<Box<dyn Engine>>;

/// A module as a command left it: instantiated, or why it could not be. The spectest
/// module is a set of host entities, registered by its exports.
#[derive(Clone)]
enum Slot {
    Instance(InstanceId),
    Host(Rc<HashMap<String, ExternVal>>),
    Unavailable(String),
}

/// The state of one script.
struct Runner {
    /// Where each line of the script starts, to turn spans into line numbers.
    lines: Vec<usize>,
    spec: Spec,
    engine: Option<Box<dyn Engine>>,
    current: Option<Slot>,
    named: HashMap<String, Slot>,
    registered: HashMap<String, Slot>,
    definitions: HashMap<String, Result<Rc<Module>, String>>,
    /// The last `module definition`, which `(module instance)` without a name instantiates.
    last_definition: Option<Result<Rc<Module>, String>>,
    outcomes: Vec<Outcome>,
}

/// Why a module did not get past the front end.
enum Static {
    /// The `wast` parser rejected the text.
    Text(String),
    Malformed(binary::Error),
    Invalid(valid::Error),
}

/// A script: no commands (only white space and comments), or the `wast` crate's.
enum Script<'a> {
    Empty,
    Wast(wast::Wast<'a>),
}

impl<'a> wast::parser::Parse<'a> for Script<'a> {
    fn parse(parser: wast::parser::Parser<'a>) -> wast::parser::Result<Self> {
        if parser.is_empty() { Ok(Script::Empty) } else { parser.parse().map(Script::Wast) }
    }
}

/// Run one script. A script that does not parse is one failed command at its first line;
/// an empty one has no commands. A byte order mark at its start is skipped.
pub fn run_script(text: &str, spec: Spec, engine: EngineFactory) -> Vec<Outcome> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lexer = wast::lexer::Lexer::new(text);
    lexer.allow_confusing_unicode(true);
    let parsed = wast::parser::ParseBuffer::new_with_lexer(lexer).and_then(|buf| {
        wast::parser::parse::<Script>(&buf).map(|script| match script {
            Script::Empty => Vec::new(),
            Script::Wast(w) => run_directives(text, spec, engine, w),
        })
    });
    match parsed {
        Ok(outcomes) => outcomes,
        Err(e) => {
            let line = line_starts(text).partition_point(|&start| start <= e.span().offset());
            let got = format!("parse error: {}", e.message());
            vec![failed(Kind::Module, line, "a script the wast parser reads".into(), got, None)]
        }
    }
}

fn run_directives(text: &str, spec: Spec, engine: EngineFactory, wast: wast::Wast) -> Vec<Outcome> {
    let mut runner = Runner {
        lines: line_starts(text),
        spec,
        engine: engine(),
        current: None,
        named: HashMap::new(),
        registered: HashMap::new(),
        definitions: HashMap::new(),
        last_definition: None,
        outcomes: Vec::new(),
    };
    runner.register_spectest();
    for directive in wast.directives {
        runner.directive(directive);
    }
    runner.outcomes
}

/// The offset where each line starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

impl Runner {
    /// The line (from 1) a span starts on.
    fn line(&self, span: wast::token::Span) -> usize {
        self.lines.partition_point(|&start| start <= span.offset())
    }

    fn push(&mut self, kind: Kind, line: usize, verdict: Verdict) {
        self.outcomes.push(Outcome { kind, line, verdict, delegated: false });
    }

    fn register_spectest(&mut self) {
        if let Some(engine) = self.engine.as_deref_mut() {
            let exports = super::spectest::instantiate(engine);
            self.registered.insert("spectest".into(), Slot::Host(Rc::new(exports)));
        }
    }

    fn directive(&mut self, directive: WastDirective) {
        let line = self.line(directive.span());
        match directive {
            WastDirective::Module(module) => self.module(line, module),
            WastDirective::ModuleDefinition(module) => self.definition(line, module),
            WastDirective::ModuleInstance { instance, module, .. } => {
                let verdict = self.instance(instance.map(|i| i.name()), module.map(|m| m.name()));
                self.push(Kind::Module, line, verdict);
            }
            WastDirective::Register { name, module, .. } => {
                let verdict = self.register(name, module.map(|m| m.name()));
                self.push(Kind::Register, line, verdict);
            }
            WastDirective::Invoke(invoke) => {
                let verdict = match self.invoke(&invoke) {
                    Err(skip) => skip,
                    Ok(Ok(_)) => Verdict::Passed,
                    Ok(Err(e)) => fail_by("a result".into(), &e),
                };
                self.push(Kind::Action, line, verdict);
            }
            WastDirective::AssertReturn { exec, results, .. } => {
                let verdict = self.assert_return(exec, &results);
                self.push(Kind::AssertReturn, line, verdict);
            }
            WastDirective::AssertTrap { exec, message, .. } => {
                let verdict = self.assert_trap(exec, message);
                self.push(Kind::AssertTrap, line, verdict);
            }
            WastDirective::AssertExhaustion { call, message, .. } => {
                let verdict = match self.invoke(&call) {
                    Err(skip) => skip,
                    Ok(Ok(values)) => fail(format!("\"{message}\""), show_values(&values), None),
                    Ok(Err(e)) => judge_error(&e, message, |e| {
                        matches!(e, Error::Exhausted { resource: Resource::CallStack, .. })
                    }),
                };
                self.push(Kind::AssertExhaustion, line, verdict);
            }
            WastDirective::AssertInvalid { module, message, .. } => {
                let verdict = self.assert_invalid(module, message);
                self.push(Kind::AssertInvalid, line, verdict);
            }
            WastDirective::AssertMalformed { module, message, .. } => {
                self.assert_malformed(line, module, message)
            }
            WastDirective::AssertUnlinkable { module, message, .. } => {
                let verdict = self.assert_unlinkable(QuoteWat::Wat(module), message);
                self.push(Kind::AssertUnlinkable, line, verdict);
            }
            WastDirective::AssertException { exec, .. } => {
                let verdict = self.assert_exception(exec);
                self.push(Kind::AssertException, line, verdict);
            }
            WastDirective::AssertInvalidCustom { .. } => {
                self.push(Kind::AssertInvalid, line, skip("custom-section assertions are not supported"))
            }
            WastDirective::AssertMalformedCustom { .. } => {
                self.push(Kind::AssertMalformed, line, skip("custom-section assertions are not supported"))
            }
            WastDirective::AssertSuspension { .. } => {
                self.push(Kind::Action, line, skip("stack switching is not supported"))
            }
            WastDirective::Thread(_) | WastDirective::Wait { .. } => {
                self.push(Kind::Action, line, skip("threads are not supported"))
            }
        }
    }

    /// Decode and validate: the front end both engines share.
    fn front_end(&self, module: &mut QuoteWat) -> Result<Module, Static> {
        let bytes = module.encode().map_err(|e| Static::Text(e.message()))?;
        let module = binary::decode(&bytes, self.spec).map_err(Static::Malformed)?;
        valid::validate(&module, self.spec).map_err(Static::Invalid)?;
        Ok(module)
    }

    /// `module`: decode, validate, instantiate; it becomes the current module.
    fn module(&mut self, line: usize, mut quoted: QuoteWat) {
        let name = quoted.name().map(|id| id.name().to_string());
        let (verdict, slot) = match self.front_end(&mut quoted) {
            Err(e) => {
                let reason = static_reason(&e);
                (static_verdict("a valid module", &e), Slot::Unavailable(reason))
            }
            Ok(module) => self.instantiate(&Rc::new(module)),
        };
        self.push(Kind::Module, line, verdict);
        if let Some(name) = name {
            self.named.insert(name, slot.clone());
        }
        self.current = Some(slot);
    }

    /// `module definition`: only decoded and validated, instantiated later by name.
    fn definition(&mut self, line: usize, mut quoted: QuoteWat) {
        let name = quoted.name().map(|id| id.name().to_string());
        let result = self.front_end(&mut quoted);
        let verdict = match &result {
            Ok(_) => Verdict::Passed,
            Err(e) => static_verdict("a valid module", e),
        };
        let module = result.map(Rc::new).map_err(|e| static_reason(&e));
        self.push(Kind::Module, line, verdict);
        if let Some(name) = name {
            self.definitions.insert(name, module.clone());
        }
        self.last_definition = Some(module);
    }

    /// `module instance $i? $m?`: an instance of the definition named `$m`, or without a
    /// name of the last definition, as the official interpreter reads it; named `$i` if given,
    /// and the current module from then on.
    fn instance(&mut self, instance: Option<&str>, module: Option<&str>) -> Verdict {
        let definition = match module {
            Some(m) => self.definitions.get(m).cloned(),
            None => self.last_definition.clone(),
        };
        let (verdict, slot) = match definition {
            None => {
                let wanted =
                    module.map_or("a module definition".to_string(), |m| format!("a module definition ${m}"));
                let got =
                    module.map_or("no module definition yet".to_string(), |m| format!("unknown module ${m}"));
                (fail(wanted, got, None), None)
            }
            Some(Err(reason)) => (skip(&reason), Some(Slot::Unavailable(reason))),
            Some(Ok(module)) => {
                let (verdict, slot) = self.instantiate(&module);
                (verdict, Some(slot))
            }
        };
        if let Some(slot) = slot {
            if let Some(name) = instance {
                self.named.insert(name.to_string(), slot.clone());
            }
            self.current = Some(slot);
        }
        verdict
    }

    /// Resolve the imports by name against registered instances and instantiate.
    fn instantiate(&mut self, module: &Rc<Module>) -> (Verdict, Slot) {
        let imports = match self.resolve_imports(module) {
            Ok(imports) => imports,
            Err(Err(reason)) => return (skip(&reason), Slot::Unavailable(reason)),
            Err(Ok(link)) => {
                let got = describe(&link);
                return (
                    fail("instantiation".into(), got.clone(), error_rule(&link)),
                    Slot::Unavailable(got),
                );
            }
        };
        let Some(engine) = self.engine.as_deref_mut() else {
            return (skip(NO_ENGINE), Slot::Unavailable(NO_ENGINE.into()));
        };
        match engine.instantiate(module, &imports) {
            Ok(inst) => (Verdict::Passed, Slot::Instance(inst)),
            Err(Error::Unsupported(reason)) => (skip(&reason), Slot::Unavailable(reason)),
            Err(e) => (fail_by("instantiation".into(), &e), Slot::Unavailable(describe(&e))),
        }
    }

    /// The embedder's part of instantiation: find each import among the registered
    /// instances. `Err(Ok(link error))` is `unknown import`; `Err(Err(reason))` a skip.
    fn resolve_imports(&self, module: &Module) -> Result<Vec<ExternVal>, Result<Error, String>> {
        let mut imports = Vec::with_capacity(module.imports.len());
        for import in &module.imports {
            let found = match self.registered.get(&import.module) {
                Some(Slot::Instance(inst)) => {
                    self.engine.as_deref().and_then(|e| e.export(*inst, &import.name))
                }
                Some(Slot::Host(exports)) => exports.get(&import.name).copied(),
                Some(Slot::Unavailable(reason)) => return Err(Err(reason.clone())),
                None if self.engine.is_none() => return Err(Err(NO_ENGINE.into())),
                None => None,
            };
            match found {
                Some(ext) => imports.push(ext),
                None => return Err(Ok(unknown_import(&import.module, &import.name))),
            }
        }
        Ok(imports)
    }

    /// The module a command names, or the current one. A name no module was given, or no
    /// module at all, is an error of the script (`Err`, a failure), as the official
    /// interpreter has it; a module that is there but could not be run is a skip later.
    fn slot(&self, module: Option<&str>) -> Result<Slot, Verdict> {
        match module {
            Some(name) => self
                .named
                .get(name)
                .cloned()
                .ok_or_else(|| fail(format!("a module ${name}"), format!("unknown module ${name}"), None)),
            None => self
                .current
                .clone()
                .ok_or_else(|| fail("a module".into(), "no module defined yet".into(), None)),
        }
    }

    fn register(&mut self, name: &str, module: Option<&str>) -> Verdict {
        let slot = match self.slot(module) {
            Ok(slot) => slot,
            Err(verdict) => return verdict,
        };
        self.registered.insert(name.to_string(), slot.clone());
        match slot {
            Slot::Instance(_) | Slot::Host(_) => Verdict::Passed,
            Slot::Unavailable(reason) => skip(&reason),
        }
    }

    /// Find the export an action names: `Err` is the verdict when that is not possible.
    fn export(&self, module: Option<&str>, name: &str) -> Result<ExternVal, Verdict> {
        let found = match self.slot(module)? {
            Slot::Instance(inst) => self.engine.as_deref().ok_or_else(|| skip(NO_ENGINE))?.export(inst, name),
            Slot::Host(exports) => exports.get(name).copied(),
            Slot::Unavailable(reason) => return Err(skip(&reason)),
        };
        found.ok_or_else(|| fail(format!("an export \"{name}\""), "none".into(), None))
    }

    /// `invoke`: `Err` is a verdict given before anything ran.
    fn invoke(&mut self, invoke: &WastInvoke) -> Result<Result<Vec<Val>, Error>, Verdict> {
        let func = match self.export(invoke.module.map(|m| m.name()), invoke.name)? {
            ExternVal::Func(addr) => addr,
            other => return Err(fail("a function export".into(), format!("{other:?}"), None)),
        };
        let args = invoke.args.iter().map(arg_value).collect::<Result<Vec<_>, _>>().map_err(|r| skip(&r))?;
        let engine = self.engine.as_deref_mut().ok_or_else(|| skip(NO_ENGINE))?;
        match engine.invoke(func, &args) {
            Err(Error::Unsupported(reason)) => Err(skip(&reason)),
            result => Ok(result),
        }
    }

    /// `get`: read an exported global.
    fn get(&self, module: Option<&str>, name: &str) -> Result<Val, Verdict> {
        match self.export(module, name)? {
            ExternVal::Global(addr) => {
                Ok(self.engine.as_deref().ok_or_else(|| skip(NO_ENGINE))?.global_read(addr))
            }
            other => Err(fail("a global export".into(), format!("{other:?}"), None)),
        }
    }

    fn assert_return(&mut self, exec: WastExecute, results: &[WastRet]) -> Verdict {
        let Some(expected) = results
            .iter()
            .map(|r| match r {
                WastRet::Core(core) => Some(core),
                _ => None,
            })
            .collect::<Option<Vec<&WastRetCore>>>()
        else {
            return skip("unsupported: component-model results");
        };
        let values = match exec {
            WastExecute::Invoke(invoke) => match self.invoke(&invoke) {
                Err(verdict) => return verdict,
                Ok(Err(e)) => return fail_by(show_results(&expected), &e),
                Ok(Ok(values)) => values,
            },
            WastExecute::Get { module, global, .. } => match self.get(module.map(|m| m.name()), global) {
                Err(verdict) => return verdict,
                Ok(value) => vec![value],
            },
            WastExecute::Wat(module) => {
                let mut quoted = QuoteWat::Wat(module);
                match self.front_end(&mut quoted) {
                    Err(e) => return static_verdict("a module that instantiates", &e),
                    Ok(module) => return self.instantiate(&Rc::new(module)).0,
                }
            }
        };
        let ok =
            values.len() == expected.len() && values.iter().zip(&expected).all(|(v, e)| matches_result(v, e));
        if ok {
            Verdict::Passed
        } else {
            let got = values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" ");
            fail(show_results(&expected), format!("[{got}]"), None)
        }
    }

    fn assert_trap(&mut self, exec: WastExecute, message: &str) -> Verdict {
        match exec {
            WastExecute::Invoke(invoke) => match self.invoke(&invoke) {
                Err(verdict) => verdict,
                Ok(result) => expect_trap(result, message),
            },
            WastExecute::Get { .. } => fail(format!("trap \"{message}\""), "a global read".into(), None),
            WastExecute::Wat(module) => {
                let mut quoted = QuoteWat::Wat(module);
                let module = match self.front_end(&mut quoted) {
                    Err(e) => return static_verdict(&format!("trap \"{message}\""), &e),
                    Ok(module) => Rc::new(module),
                };
                self.instantiate_expecting(&module, message, |e| matches!(e, Error::Trap { .. }))
            }
        }
    }

    /// Instantiate a module that must fail with an error of the given sort and message.
    /// Whatever it allocated stays in the store, as the spec has it.
    fn instantiate_expecting(
        &mut self,
        module: &Rc<Module>,
        message: &str,
        sort: fn(&Error) -> bool,
    ) -> Verdict {
        let expected = format!("\"{message}\"");
        let imports = match self.resolve_imports(module) {
            Ok(imports) => imports,
            Err(Err(reason)) => return skip(&reason),
            Err(Ok(link)) => return judge_error(&link, message, sort),
        };
        let Some(engine) = self.engine.as_deref_mut() else {
            return skip(NO_ENGINE);
        };
        match engine.instantiate(module, &imports) {
            Ok(_) => fail(expected, "instantiated".into(), None),
            Err(Error::Unsupported(reason)) => skip(&reason),
            Err(e) => judge_error(&e, message, sort),
        }
    }

    fn assert_invalid(&mut self, mut module: QuoteWat, message: &str) -> Verdict {
        let expected = format!("invalid \"{message}\"");
        match self.front_end(&mut module) {
            Ok(_) => fail(expected, "a valid module".into(), None),
            Err(Static::Invalid(e)) if e.is_unsupported() => skip(&e.message),
            Err(Static::Invalid(e)) if e.message.starts_with(message) => Verdict::Passed,
            Err(e) => fail(expected, static_reason(&e), static_rule(&e)),
        }
    }

    /// `assert_malformed`: binary modules must fail our decoder with the expected message.
    /// Text ones (`module quote`) are the `wast` parser's to reject, as lockstep does not
    /// own the text format: they pass when it rejects them, or when it is more lenient than
    /// the spec's text grammar and our decoder rejects the binary it made of them (the text
    /// grammar's message cannot be compared there). Both count as delegated.
    fn assert_malformed(&mut self, line: usize, mut module: QuoteWat, message: &str) {
        let expected = format!("malformed \"{message}\"");
        let quoted = matches!(module, QuoteWat::QuoteModule(..));
        let decoded = module.encode().map(|bytes| binary::decode(&bytes, self.spec));
        let verdict = match decoded {
            Err(_) | Ok(Err(_)) if quoted => {
                self.outcomes.push(Outcome {
                    kind: Kind::AssertMalformed,
                    line,
                    verdict: Verdict::Passed,
                    delegated: true,
                });
                return;
            }
            Err(e) => fail(expected, format!("text parse error: {}", e.message()), None),
            Ok(Err(e)) if e.message.starts_with(message) => Verdict::Passed,
            Ok(Err(e)) => fail(expected, format!("malformed \"{}\"", e.message), Some(e.rule)),
            Ok(Ok(_)) if quoted => fail(expected, "text the wast parser accepts".into(), None),
            Ok(Ok(_)) => fail(expected, "a module that decodes".into(), None),
        };
        self.push(Kind::AssertMalformed, line, verdict);
    }

    fn assert_unlinkable(&mut self, mut module: QuoteWat, message: &str) -> Verdict {
        match self.front_end(&mut module) {
            Err(e) => static_verdict(&format!("unlinkable \"{message}\""), &e),
            Ok(module) => {
                self.instantiate_expecting(&Rc::new(module), message, |e| matches!(e, Error::Link { .. }))
            }
        }
    }

    fn assert_exception(&mut self, exec: WastExecute) -> Verdict {
        match exec {
            WastExecute::Invoke(invoke) => match self.invoke(&invoke) {
                Err(verdict) => verdict,
                Ok(Ok(values)) => fail("an exception".into(), format!("{values:?}"), None),
                Ok(Err(Error::Exception(_))) => Verdict::Passed,
                Ok(Err(e)) => fail_by("an exception".into(), &e),
            },
            _ => skip("assert_exception on a module is not supported"),
        }
    }
}

fn unknown_import(module: &str, name: &str) -> Error {
    Error::Link {
        message: format!("unknown import \"{module}\".\"{name}\""),
        rule: crate::rules::EXEC_INSTANTIATION,
    }
}

fn expect_trap(result: Result<Vec<Val>, Error>, message: &str) -> Verdict {
    match result {
        Ok(values) => fail(format!("trap \"{message}\""), show_values(&values), None),
        Err(e) => judge_error(&e, message, |e| matches!(e, Error::Trap { .. })),
    }
}

fn show_values(values: &[Val]) -> String {
    format!("[{}]", values.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(" "))
}

/// An error passes when it is of the expected sort and its message starts with the text.
/// A resource that ran out, where that was not what was expected, is neither a pass nor a
/// failure of the engine: the command is counted as exhausted.
fn judge_error(e: &Error, message: &str, sort: fn(&Error) -> bool) -> Verdict {
    let got = match e {
        Error::Trap { message, .. } | Error::Link { message, .. } | Error::Exhausted { message, .. } => {
            message
        }
        Error::Unsupported(reason) => return skip(reason),
        Error::Divergence(_) | Error::Exception(_) => {
            return fail(format!("\"{message}\""), describe(e), None);
        }
    };
    if sort(e) && got.starts_with(message) { Verdict::Passed } else { fail_by(format!("\"{message}\""), e) }
}

/// The verdict where `e` came instead of what was expected: a failure, or for a resource
/// that ran out, the command counted as exhausted.
fn fail_by(expected: String, e: &Error) -> Verdict {
    match e {
        Error::Exhausted { message, .. } => Verdict::Exhausted { expected, got: message.clone() },
        e => fail(expected, describe(e), error_rule(e)),
    }
}

fn describe(e: &Error) -> String {
    match e {
        Error::Trap { message, .. } => format!("trap \"{message}\""),
        Error::Link { message, .. } => format!("link error \"{message}\""),
        Error::Exhausted { message, .. } => message.clone(),
        Error::Unsupported(reason) => reason.clone(),
        Error::Divergence(what) => format!("divergence: {what}"),
        Error::Exception(what) => format!("exception {what}"),
    }
}

fn error_rule(e: &Error) -> Option<Rule> {
    match e {
        Error::Trap { rule, .. } => *rule,
        Error::Link { rule, .. } => Some(*rule),
        Error::Exhausted { .. } | Error::Unsupported(_) | Error::Divergence(_) | Error::Exception(_) => None,
    }
}

fn show_results(expected: &[&WastRetCore]) -> String {
    format!("[{}]", expected.iter().map(|r| show_result(r)).collect::<Vec<_>>().join(" "))
}

fn static_reason(e: &Static) -> String {
    match e {
        Static::Text(m) => format!("text parse error: {m}"),
        Static::Malformed(e) => format!("malformed \"{}\" at offset {}", e.message, e.offset),
        Static::Invalid(e) if e.is_unsupported() => e.message.clone(),
        Static::Invalid(e) => format!("invalid \"{}\"", e.message),
    }
}

fn static_rule(e: &Static) -> Option<Rule> {
    match e {
        Static::Text(_) => None,
        Static::Malformed(e) => Some(e.rule),
        Static::Invalid(e) => Some(e.rule),
    }
}

/// The verdict on a module the front end refused where it should have passed:
/// `unsupported` is a skip, anything else a failure.
fn static_verdict(expected: &str, e: &Static) -> Verdict {
    match e {
        Static::Invalid(v) if v.is_unsupported() => skip(&v.message),
        e => fail(expected.to_string(), static_reason(e), static_rule(e)),
    }
}

fn fail(expected: String, got: String, rule: Option<Rule>) -> Verdict {
    Verdict::Failed { expected, got, rule }
}

fn failed(kind: Kind, line: usize, expected: String, got: String, rule: Option<Rule>) -> Outcome {
    Outcome { kind, line, verdict: fail(expected, got, rule), delegated: false }
}

fn skip(reason: &str) -> Verdict {
    Verdict::Skipped { reason: reason.to_string() }
}
