//! Splits the widget's wasm where the code says `#[wasm_split(...)]`: what
//! the first screen needs stays in the main module, what only later screens
//! need goes to parts fetched on demand by `__wasm_split.js`.
//! [`split`] runs on the linker's output (it needs `--emit-relocs`), before
//! wasm-bindgen; [`wire`] after it.

use crate::cmd::Fail;
use std::path::{Path, PathBuf};

/// The parts' loader, as the splitter names it.
pub const PART_LOADER: &str = "__wasm_split.js";

/// What a split wrote.
pub struct Split {
    /// The main module, for wasm-bindgen.
    pub main: PathBuf,
    /// The parts fetched on demand, in `out` (for wasm-opt).
    pub parts: Vec<PathBuf>,
}

/// Splits `input` (wasm-ld's output) into `out`: the parts and their loader
/// [`PART_LOADER`], and the main module `out/widget_main.wasm`.
pub fn split(input: &Path, out: &Path) -> Result<Split, Fail> {
    let bytes =
        std::fs::read(input).map_err(|e| Fail(format!("cannot read {}: {e}", input.display())))?;
    let main = out.join("widget_main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&bytes);
    options.output_dir = out;
    options.main_out_path = &main;
    options.main_module = "./widget.js";
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| Fail(format!("cannot split {}: {e:#}", input.display())))?;
    Ok(Split {
        main,
        parts: split.split_modules,
    })
}

/// Unties wasm-bindgen's glue `out/widget.js` and the parts' loader from
/// each other's file names: by default each imports the other by a fixed
/// name, which neither content names nor a second wasm instance (after a
/// crash, see `widget/js/interview-recorder.js`) can keep. Whoever starts
/// an instance hands the glue its loader (`__useSplit`) and the loader its
/// glue's `initSync` (`__useMain`). Also lets a part served with another type
/// than `application/wasm` compile, as the main module can.
pub fn wire(out: &Path) -> Result<(), Fail> {
    edit(&out.join("widget.js"), |glue| {
        let import = glue
            .lines()
            .find(|line| line.starts_with("import * as ") && line.contains(PART_LOADER))
            .ok_or("no import of the parts' loader")?
            .to_string();
        let name = import
            .trim_start_matches("import * as ")
            .split_whitespace()
            .next()
            .unwrap_or_default();
        let settable =
            format!("let {name};\nexport function __useSplit(loader) {{ {name} = loader; }}");
        Ok(glue.replacen(&import, &settable, 1))
    })?;
    edit(&out.join(PART_LOADER), |loader| {
        let import = "import { initSync } from \"./widget.js\";";
        let streaming = "WebAssembly.instantiateStreaming(src, imports)";
        if !loader.contains(import) || !loader.contains(streaming) {
            return Err("not the loader this build knows");
        }
        Ok(loader
            .replacen(
                import,
                "let initSync;\nexport function __useMain(init) { initSync = init; }",
                1,
            )
            .replace(streaming, "instantiateAnyType(src, imports)")
            + ANY_TYPE)
    })
}

/// Streaming compilation needs `Content-Type: application/wasm`; some static hosts send another.
const ANY_TYPE: &str = "
async function instantiateAnyType(source, imports) {
    const response = await source;
    if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
    try {
        return await WebAssembly.instantiateStreaming(response.clone(), imports);
    } catch {
        return WebAssembly.instantiate(await response.arrayBuffer(), imports);
    }
}
";

/// Rewrites the text file at `path` with `change`; a change that does not
/// fit (a new wasm-bindgen or splitter writes other code) fails the build.
fn edit(
    path: &Path,
    change: impl FnOnce(&str) -> Result<String, &'static str>,
) -> Result<(), Fail> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Fail(format!("cannot read {}: {e}", path.display())))?;
    let changed = change(&text).map_err(|why| {
        Fail(format!(
            "cannot wire {}: {why} (did wasm-bindgen or wasm_split_cli_support change?)",
            path.display()
        ))
    })?;
    std::fs::write(path, changed).map_err(|e| Fail(format!("cannot write {}: {e}", path.display())))
}
