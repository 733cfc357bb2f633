//! Short import names for a wasm-bindgen module. wasm-bindgen names each JavaScript function
//! the wasm imports after the Rust item with a 16-digit hash (`__wbg_appendChild_dbf7ad2f48413560`),
//! and writes each name twice: in the wasm's import section and as a key of the glue's import
//! object. Random hex does not compress, so 170 such names cost the app about 5 KB gzip, which
//! short names (`_0`, `_1`, …) written in both places take off.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use wasm_encoder::{EntityType, ImportSection, Module, RawSection};
use wasmparser::{Parser, Payload};

/// Renames every wasm-bindgen import of `wasm` (names starting `__wbg` or `__wbindgen`) to a
/// short one, in the module and in its glue `glue`, both rewritten in place. Returns how many
/// names changed. Fails, writing nothing, when the glue does not define a name the module
/// imports, or already uses a short name.
pub fn shorten(wasm: &Path, glue: &Path) -> Result<usize, String> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let script = std::fs::read_to_string(glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    let (module, names) = renamed_module(&bytes).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let script = renamed_script(&script, &names).map_err(|e| format!("{}: {e}", glue.display()))?;
    std::fs::write(wasm, module).map_err(|e| format!("{}: {e}", wasm.display()))?;
    std::fs::write(glue, script).map_err(|e| format!("{}: {e}", glue.display()))?;
    Ok(names.len())
}

/// Whether wasm-bindgen wrote this import name.
fn is_bindgen_name(name: &str) -> bool {
    name.starts_with("__wbg") || name.starts_with("__wbindgen")
}

/// The `index`th short name: `_` and the index in base 36.
fn short_name(index: usize) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = Vec::new();
    let mut rest = index;
    loop {
        digits.push(DIGITS[rest % 36]);
        rest /= 36;
        if rest == 0 {
            break;
        }
    }
    digits.reverse();
    format!("_{}", String::from_utf8(digits).expect("ASCII digits"))
}

/// `bytes` with its bindgen imports renamed, every other section copied byte for byte, and the
/// names given (old name → new name).
fn renamed_module(bytes: &[u8]) -> Result<(Vec<u8>, HashMap<String, String>), String> {
    let mut module = Module::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| e.to_string())?;
        if let Payload::ImportSection(reader) = &payload {
            let mut section = ImportSection::new();
            for import in reader.clone().into_imports() {
                let import = import.map_err(|e| e.to_string())?;
                let ty = EntityType::try_from(import.ty).map_err(|e| format!("{e:?}"))?;
                let name = if is_bindgen_name(import.name) {
                    let next = short_name(names.len());
                    names.entry(import.name.to_owned()).or_insert(next).clone()
                } else {
                    import.name.to_owned()
                };
                section.import(import.module, &name, ty);
            }
            module.section(&section);
        } else if let Some((id, range)) = payload.as_section() {
            module.section(&RawSection {
                id,
                data: &bytes[range],
            });
        }
    }
    Ok((module.finish(), names))
}

/// `script` with each identifier that `names` maps replaced by its new name.
fn renamed_script(script: &str, names: &HashMap<String, String>) -> Result<String, String> {
    let is_ident = |c: char| c == '_' || c == '$' || c.is_ascii_alphanumeric();
    let mut out = String::with_capacity(script.len());
    let short_names: HashSet<&str> = names.values().map(String::as_str).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut rest = script;
    while let Some(start) = rest.find(|c: char| is_ident(c)) {
        out.push_str(&rest[..start]);
        let word = &rest[start..];
        let end = word.find(|c: char| !is_ident(c)).unwrap_or(word.len());
        let word = &word[..end];
        if short_names.contains(word) {
            return Err(format!(
                "already uses `{word}`, a name its wasm's imports were to be given"
            ));
        }
        match names.get(word) {
            Some(short) => {
                seen.insert(word);
                out.push_str(short);
            }
            None => out.push_str(word),
        }
        rest = &rest[start + end..];
    }
    out.push_str(rest);
    if let Some(missing) = names.keys().find(|name| !seen.contains(name.as_str())) {
        return Err(format!(
            "does not define `{missing}`, which its wasm imports"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, ExportKind, ExportSection, Function, FunctionSection, TypeSection, ValType,
    };

    /// A module importing `names` from `./glue_bg.js` (each `() -> ()`) and exporting `run`.
    fn module_importing(names: &[&str]) -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        types.ty().function([ValType::I32], [ValType::I32]);
        module.section(&types);
        let mut imports = ImportSection::new();
        for name in names {
            imports.import("./glue_bg.js", name, EntityType::Function(0));
        }
        module.section(&imports);
        let mut functions = FunctionSection::new();
        functions.function(1);
        module.section(&functions);
        let mut exports = ExportSection::new();
        exports.export("run", ExportKind::Func, names.len() as u32);
        module.section(&exports);
        let mut code = CodeSection::new();
        let mut body = Function::new([]);
        body.instructions().local_get(0).end();
        code.function(&body);
        module.section(&code);
        module.finish()
    }

    fn imported_names(bytes: &[u8]) -> Vec<String> {
        let mut names = Vec::new();
        for payload in Parser::new(0).parse_all(bytes) {
            if let Payload::ImportSection(reader) = payload.unwrap() {
                for import in reader.into_imports() {
                    names.push(import.unwrap().name.to_owned());
                }
            }
        }
        names
    }

    #[test]
    fn a_module_without_bindgen_imports_is_copied_byte_for_byte() {
        let bytes = module_importing(&["memcpy", "abort"]);
        let (renamed, names) = renamed_module(&bytes).unwrap();
        assert_eq!(renamed, bytes);
        assert!(names.is_empty());
    }

    #[test]
    fn bindgen_imports_get_short_names_and_the_rest_of_the_module_is_kept() {
        let bytes = module_importing(&[
            "__wbg_appendChild_dbf7ad2f48413560",
            "env_thing",
            "__wbindgen_throw_4c88d8bf264fd984",
        ]);
        let (renamed, names) = renamed_module(&bytes).unwrap();
        assert_eq!(imported_names(&renamed), ["_0", "env_thing", "_1"]);
        assert_eq!(names["__wbg_appendChild_dbf7ad2f48413560"], "_0");
        assert!(renamed.len() < bytes.len());
        let tail = |b: &[u8]| b[b.len() - 20..].to_vec();
        assert_eq!(
            tail(&renamed),
            tail(&bytes),
            "export and code sections unchanged"
        );
    }

    #[test]
    fn the_glue_keys_are_renamed_whole_words_only() {
        let names = HashMap::from([("__wbg_a_1".to_owned(), "_0".to_owned())]);
        let script = "const i = { __wbg_a_1: function() {}, __wbg_a_12: 1 }; x.__wbg_a_1;";
        assert_eq!(
            renamed_script(script, &names).unwrap(),
            "const i = { _0: function() {}, __wbg_a_12: 1 }; x._0;"
        );
    }

    #[test]
    fn a_glue_missing_an_import_or_using_a_short_name_is_refused() {
        let names = HashMap::from([("__wbg_a_1".to_owned(), "_0".to_owned())]);
        assert!(renamed_script("const i = {};", &names)
            .unwrap_err()
            .contains("does not define `__wbg_a_1`"));
        assert!(renamed_script("let _0 = 1; i.__wbg_a_1;", &names)
            .unwrap_err()
            .contains("already uses `_0`"));
    }

    #[test]
    fn short_names_count_in_base_36() {
        assert_eq!(short_name(0), "_0");
        assert_eq!(short_name(35), "_z");
        assert_eq!(short_name(36), "_10");
    }
}
