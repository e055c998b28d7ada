import * as path from "node:path";
import ts from "typescript";

/*
 * Where the schema's facts are in the TypeScript sources: the registry's definitions, the resource
 * classes they name, the function and the provider configuration. Found through the compiler, so a
 * renamed or moved declaration is followed, and a missing one fails naming what it looked for.
 */

export const REGISTRY = "src/runtime/registry.ts";
export const CONFIG = "src/plugin/config-types.ts";
export const FUNCTION = "src/flow-association/get-flow-associations.ts";

/** One resource of the registry: its class name and the class declaration. */
export interface ResourceSource {
  name: string;
  declaration: ts.ClassDeclaration;
}

/** A program over the files the schema is generated from, with the repository's compiler options. */
export function sourceProgram(root: string): ts.Program {
  const configFile = path.join(root, "tsconfig.json");
  const read = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configFile);
  // src/index.ts brings in every resource class (the registry reaches only their providers).
  const rootNames = ["src/index.ts", REGISTRY, CONFIG, FUNCTION].map((f) => path.join(root, f));
  return ts.createProgram({ rootNames, options: { ...parsed.options, noEmit: true } });
}

function sourceFile(program: ts.Program, root: string, file: string): ts.SourceFile {
  const source = program.getSourceFile(path.join(root, file));
  if (!source) throw new Error(`${file} is not in the program`);
  return source;
}

/** The exported declaration `name` of a file, of the given kind. */
function exported<T extends ts.Node>(
  program: ts.Program,
  source: ts.SourceFile,
  name: string,
  is: (n: ts.Node) => n is T,
): T {
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(source);
  const symbol = module && checker.getExportsOfModule(module).find((s) => s.name === name);
  const decl = (symbol?.declarations ?? []).map((d): ts.Node => d).find(is);
  if (!decl) throw new Error(`${path.basename(source.fileName)} exports no ${name} of the expected kind`);
  return decl;
}

/**
 * The registry's resources in its order: each `RESOURCES` entry is a definition whose `type` is the
 * class name, and the class is in the `resource.ts` beside the definition's `provider.ts`.
 */
export function registryResources(program: ts.Program, root: string): ResourceSource[] {
  const checker = program.getTypeChecker();
  const registry = sourceFile(program, root, REGISTRY);
  const list = exported(program, registry, "RESOURCES", ts.isVariableDeclaration);
  let init = list.initializer;
  while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
  if (!init || !ts.isArrayLiteralExpression(init))
    throw new Error(`${REGISTRY}: RESOURCES is not an array literal`);
  return init.elements.map((element) => {
    const typeProperty = checker.getTypeAtLocation(element).getProperty("type");
    const typeType = typeProperty && checker.getTypeOfSymbol(typeProperty);
    if (!typeType?.isStringLiteral())
      throw new Error(`${REGISTRY}: ${element.getText()} has no literal type name`);
    let symbol = checker.getSymbolAtLocation(element);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const definitionFile = symbol?.declarations?.[0]?.getSourceFile().fileName;
    if (!definitionFile) throw new Error(`${REGISTRY}: cannot find where ${element.getText()} is declared`);
    const resourceFile = path.relative(root, path.join(path.dirname(definitionFile), "resource.ts"));
    const source = program.getSourceFile(path.join(root, resourceFile));
    if (!source) throw new Error(`${resourceFile} (the class of ${typeType.value}) is not in the program`);
    return {
      name: typeType.value,
      declaration: exported(program, source, typeType.value, ts.isClassDeclaration),
    };
  });
}

/** The function `getFlowAssociations`. */
export function functionSource(program: ts.Program, root: string): ts.FunctionDeclaration {
  return exported(
    program,
    sourceFile(program, root, FUNCTION),
    "getFlowAssociations",
    ts.isFunctionDeclaration,
  );
}

/** The interface `PluginConfig`. */
export function configSource(program: ts.Program, root: string): ts.InterfaceDeclaration {
  return exported(program, sourceFile(program, root, CONFIG), "PluginConfig", ts.isInterfaceDeclaration);
}
