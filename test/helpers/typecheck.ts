import * as ts from "typescript";

// Source files parsed once for every program of a test file: @pulumi/pulumi's and Node's
// declarations are most of the work, and they are the same for every example.
const parsed = new Map<string, ts.SourceFile>();

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}|${JSON.stringify(languageVersion)}`;
    const hit = parsed.get(key);
    if (hit) return hit;
    const sf = read(fileName, languageVersion, onError, shouldCreate);
    if (sf) parsed.set(key, sf);
    return sf;
  };
  return host;
}

/**
 * The compiler options of a user's program as the README recommends them: strict, and node16 module
 * resolution, under which the package's `exports` map resolves it and its `/emulator` entry.
 */
export const USER_COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  types: ["node"],
  skipLibCheck: true,
};

/** Every diagnostic of `rootNames` under `options`, formatted as tsc prints them ("" when clean). */
export function diagnosticsOf(rootNames: string[], options: ts.CompilerOptions): string {
  const program = ts.createProgram({
    rootNames,
    options: { ...options, noEmit: true },
    host: cachingHost(options),
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => "\n",
  });
}

/** The diagnostics of a tsconfig.json project, with its own files and options. */
export function diagnosticsOfProject(tsconfig: string): string {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${tsconfig}`);
  if (config.errors.length > 0) return ts.formatDiagnostics(config.errors, ts.createCompilerHost({}));
  return diagnosticsOf(config.fileNames, config.options);
}
