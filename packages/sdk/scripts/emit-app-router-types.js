#!/usr/bin/env node
// @ts-check
/**
 * Writes src/tracker/app-router.ts: the tracker's `AppRouter` type spelt out structurally (every
 * procedure's input and output as plain object types), read from apps/server/src/router.ts with the
 * TypeScript compiler.
 *
 * Why not `import type { AppRouter } from "@dapkit/server"`: the server's router type carries its
 * context (a drizzle database over better-sqlite3, the file store), so publishing it would make every
 * council install the server's stack to type-check a script. The client only needs each procedure's
 * input, output and the error shape, so that is all this file keeps; it then proves the result
 * compiles on its own, with nothing but @trpc/server, zod and the @dapkit packages to resolve.
 *
 * The file is git-ignored and written before the SDK's build, typecheck, lint and test (turbo.json),
 * so it always matches the server and nobody has to remember to regenerate it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import * as prettier from "prettier";
import ts from "typescript";

const SDK_DIR = fileURLToPath(new URL("..", import.meta.url));
const REPO_DIR = join(SDK_DIR, "../..");
const SERVER_DIR = join(REPO_DIR, "apps/server");
const ROUTER_FILE = join(SERVER_DIR, "src/router.ts");
const OUT_FILE = join(SDK_DIR, "src/tracker/app-router.ts");
// Public modules a printed type may name; each is a dependency (or zod, a peer) of the SDK.
const PUBLIC_MODULES = [
  "@trpc/server",
  "zod",
  "@dapkit/schemas",
  "@dapkit/funding",
  "@dapkit/daha",
  "@dapkit/training",
];
const PROCEDURE_TYPES = {
  query: "TRPCQueryProcedure",
  mutation: "TRPCMutationProcedure",
  subscription: "TRPCSubscriptionProcedure",
};
const REGENERATE = "pnpm --filter @dapkit/sdk generate";

class EmitError extends Error {
  /** @override */
  name = "EmitError";
}

/** @param {string} configPath */
function readCompilerOptions(configPath) {
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic(diagnostic) {
      throw new EmitError(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (parsed === undefined) throw new EmitError(`Cannot read ${configPath}`);
  return { ...parsed.options, noEmit: true };
}

/**
 * A program over the server's router plus an empty "scope" file. Printing types from the scope
 * file, which imports nothing, makes the compiler spell out the server's own type aliases
 * structurally instead of naming them.
 * @param {ts.CompilerOptions} options
 */
function createServerProgram(options) {
  const scopeFile = join(SERVER_DIR, "src/__sdk-type-scope__.ts");
  const host = ts.createCompilerHost(options);
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === scopeFile
      ? ts.createSourceFile(fileName, "export type Scope = unknown;\n", languageVersion)
      : readSourceFile(fileName, languageVersion, ...rest);
  const program = ts.createProgram({ rootNames: [ROUTER_FILE, scopeFile], options, host });
  const scope = program.getSourceFile(scopeFile);
  const router = program.getSourceFile(ROUTER_FILE);
  if (scope === undefined || router === undefined)
    throw new EmitError(`Cannot load ${ROUTER_FILE}`);
  return { program, scope, router };
}

/**
 * Maps each symbol a public package exports to its module and public name, so a printed
 * `import("/abs/…/chunk").oi` can become `TRPC_ERROR_CODE_NUMBER` from "@trpc/server".
 * @param {ts.Program} program
 * @param {ts.SourceFile} from
 */
function publicExportsIndex(program, from) {
  const checker = program.getTypeChecker();
  /** @type {Map<ts.Symbol, { module: string, name: string }>} */
  const index = new Map();
  for (const module of PUBLIC_MODULES) {
    const resolved = ts.resolveModuleName(
      module,
      from.fileName,
      program.getCompilerOptions(),
      ts.sys,
    ).resolvedModule;
    const file = resolved && program.getSourceFile(resolved.resolvedFileName);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (moduleSymbol === undefined) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = resolveAlias(checker, exported);
      if (!index.has(target)) index.set(target, { module, name: exported.name });
    }
  }
  return index;
}

/**
 * @param {ts.TypeChecker} checker
 * @param {ts.Symbol} symbol
 */
function resolveAlias(checker, symbol) {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/**
 * The symbol a printed `import("path").name` stands for.
 * @param {ts.Program} program
 * @param {string} path
 * @param {string} name
 */
function importedSymbol(program, path, name) {
  const checker = program.getTypeChecker();
  for (const extension of ["", ".d.mts", ".d.ts", ".d.cts", ".ts", ".mts"]) {
    const file = program.getSourceFile(path + extension);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    const exported =
      moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === name);
    if (exported !== undefined) return resolveAlias(checker, exported);
  }
  return undefined;
}

/**
 * Turns a type into source text. Named types from public packages are imported by their public
 * name; a named type from anywhere else (the server's internals) or an `any` stops the emit.
 * @param {{ program: ts.Program, scope: ts.SourceFile, exportsIndex: ReturnType<typeof publicExportsIndex>, imports: Map<string, Set<string>> }} context
 * @param {ts.Type} type
 * @param {string} where
 */
function printType(context, type, where) {
  const { program, scope, exportsIndex, imports } = context;
  const checker = program.getTypeChecker();
  const flags =
    ts.NodeBuilderFlags.NoTruncation |
    ts.NodeBuilderFlags.InTypeAlias |
    ts.NodeBuilderFlags.IgnoreErrors;
  const node = checker.typeToTypeNode(type, scope.statements[0], flags);
  if (node === undefined) throw new EmitError(`${where}: the compiler could not print this type`);
  /** @type {string[]} */
  const problems = [];
  /** @type {ts.TransformerFactory<ts.Node>} */
  const publicNames = (transformContext) => {
    /** @type {ts.Visitor} */
    const visit = (child) => {
      if (child.kind === ts.SyntaxKind.AnyKeyword) problems.push("`any`");
      if (ts.isImportTypeNode(child)) {
        const argument = child.argument;
        const path =
          ts.isLiteralTypeNode(argument) && ts.isStringLiteral(argument.literal)
            ? argument.literal.text
            : "";
        const name =
          child.qualifier !== undefined && ts.isIdentifier(child.qualifier)
            ? child.qualifier.text
            : "";
        const symbol = importedSymbol(program, path, name);
        const target = symbol && exportsIndex.get(symbol);
        if (target === undefined) {
          problems.push(`${name || "a type"} from ${relative(REPO_DIR, path)}`);
          return child;
        }
        const names = imports.get(target.module) ?? new Set();
        imports.set(target.module, names.add(target.name));
        return ts.factory.createTypeReferenceNode(
          target.name,
          ts.visitNodes(child.typeArguments, visit, ts.isTypeNode),
        );
      }
      return ts.visitEachChild(child, visit, transformContext);
    };
    return (root) => /** @type {ts.Node} */ (ts.visitNode(root, visit));
  };
  const [printable] = ts.transform(node, [publicNames]).transformed;
  if (problems.length > 0) {
    throw new EmitError(
      `${where} names ${[...new Set(problems)].join(", ")}, which a council's project cannot resolve. ` +
        "Describe it with a zod schema (or a type exported from a @dapkit package) instead.",
    );
  }
  return ts
    .createPrinter()
    .printNode(ts.EmitHint.Unspecified, /** @type {ts.Node} */ (printable), scope);
}

/**
 * @param {ts.TypeChecker} checker
 * @param {ts.Type} type
 * @param {string} name
 */
function propertyType(checker, type, name) {
  const property = type.getProperty(name);
  return property === undefined ? undefined : checker.getTypeOfSymbol(property);
}

/**
 * @param {ts.TypeChecker} checker
 * @param {ts.Symbol} symbol
 */
function docComment(checker, symbol) {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  return text === "" ? "" : `/** ${text.replace(/\*\//g, "*\\/").replace(/\n/g, "\n * ")} */\n`;
}

/**
 * The router record as source: nested objects of procedures.
 * @param {Parameters<typeof printType>[0] & { errorShape: string, meta: string }} context
 * @param {ts.Type} record
 * @param {string} path
 * @returns {string}
 */
function printRecord(context, record, path) {
  const checker = context.program.getTypeChecker();
  const members = record.getProperties().map((property) => {
    const here = path === "" ? property.name : `${path}.${property.name}`;
    const value = checker.getTypeOfSymbol(property);
    const def = propertyType(checker, value, "_def");
    const kind = def && propertyType(checker, def, "type");
    const key = /^[A-Za-z_$][\w$]*$/.test(property.name)
      ? property.name
      : JSON.stringify(property.name);
    if (def === undefined || kind === undefined || !kind.isStringLiteral()) {
      return `${docComment(checker, property)}${key}: ${printRecord(context, value, here)};`;
    }
    const procedure = PROCEDURE_TYPES[/** @type {keyof typeof PROCEDURE_TYPES} */ (kind.value)];
    const types = propertyType(checker, def, "$types");
    if (procedure === undefined || types === undefined) {
      throw new EmitError(`${here}: not a query, mutation or subscription`);
    }
    /** @param {string} name */
    const part = (name) => {
      const partType = propertyType(checker, types, name);
      if (partType === undefined) throw new EmitError(`${here}: has no ${name} type`);
      return printType(context, partType, `${here} ${name}`);
    };
    const errorShape = part("errorShape");
    context.imports.get("@trpc/server")?.add(procedure);
    return (
      `${docComment(checker, property)}${key}: ${procedure}<{ input: ${part("input")}; ` +
      `output: ${part("output")}; meta: ${context.meta}; ` +
      `errorShape: ${errorShape === context.errorShape ? "TrackerErrorShape" : errorShape} }>;`
    );
  });
  return `{\n${members.join("\n")}\n}`;
}

/** Reads the server's router and returns the declaration file's text, formatted. */
async function emitAppRouterTypes() {
  const { program, scope, router } = createServerProgram(
    readCompilerOptions(join(SERVER_DIR, "tsconfig.json")),
  );
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(router);
  const appRouter =
    moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === "appRouter");
  if (appRouter === undefined) throw new EmitError(`${ROUTER_FILE} does not export appRouter`);
  const def = propertyType(checker, checker.getTypeOfSymbol(appRouter), "_def");
  const rootTypes =
    def && propertyType(checker, propertyType(checker, def, "_config") ?? def, "$types");
  const record = def && propertyType(checker, def, "record");
  if (rootTypes === undefined || record === undefined) {
    throw new EmitError("appRouter is not a tRPC router");
  }
  /** @type {Map<string, Set<string>>} */
  const imports = new Map([["@trpc/server", new Set(["TRPCBuiltRouter"])]]);
  const context = { program, scope, exportsIndex: publicExportsIndex(program, router), imports };
  /** @param {string} name */
  const root = (name) => {
    const type = propertyType(checker, rootTypes, name);
    if (type === undefined) throw new EmitError(`appRouter's root types have no ${name}`);
    return printType(context, type, `the router's ${name}`);
  };
  const errorShape = root("errorShape");
  const meta = root("meta");
  const procedures = printRecord({ ...context, errorShape, meta }, record, "");
  const importLines = [...imports]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([module, names]) =>
        `import type { ${[...names].sort().join(", ")} } from ${JSON.stringify(module)};`,
    );
  // `{}` is what the compiler writes for some zod outputs (e.g. an empty flattened error); the lint
  // rule against it is for hand-written types, so it is switched off only when it would fire.
  const emptyObjectNote = /(^|[^\w$])\{\s*\}/.test(`${errorShape}${procedures}`)
    ? "/* eslint-disable @typescript-eslint/no-empty-object-type -- the compiler's spelling of the server's types */\n"
    : "";
  const errorShapeDeclaration = errorShape.startsWith("{")
    ? `export interface TrackerErrorShape ${errorShape}`
    : `export type TrackerErrorShape = ${errorShape};`;
  const source = `// Generated from apps/server/src/router.ts by scripts/emit-app-router-types.js: do not edit.
// \`${REGENERATE}\` writes it again; turbo runs that before the SDK's build, typecheck, lint and test.
${emptyObjectNote}${importLines.join("\n")}

/** The shape of every error the tracker returns: \`error.shape\` and \`error.data\` of a \`TRPCClientError\`. */
${errorShapeDeclaration}

/** Every procedure of the tracker, by router, with the input it takes and the output it returns. */
// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- an interface would not meet tRPC's RouterRecord index signature
export type TrackerProcedures = ${procedures};

/**
 * The tracker's API as a tRPC router type, for \`createTRPCClient<AppRouter>\` and tRPC's \`infer…\` helpers.
 * The server's context is left out (\`ctx: object\`): it is the server's business, and naming it would
 * drag the server's database types into every council's project.
 */
export type AppRouter = TRPCBuiltRouter<
  { ctx: object; meta: ${meta}; errorShape: TrackerErrorShape; transformer: ${root("transformer")} },
  TrackerProcedures
>;
`;
  const config = await prettier.resolveConfig(OUT_FILE);
  return prettier.format(source, { ...config, filepath: OUT_FILE });
}

/**
 * Type-checks the emitted file as the SDK sees it: it must compile with only the SDK's own
 * dependencies, which is what a council's project will have.
 * @param {string} text
 */
function checkStandalone(text) {
  const options = { ...readCompilerOptions(join(SDK_DIR, "tsconfig.json")), skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === OUT_FILE
      ? ts.createSourceFile(fileName, text, languageVersion)
      : readSourceFile(fileName, languageVersion, ...rest);
  const program = ts.createProgram({ rootNames: [OUT_FILE], options, host });
  const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(OUT_FILE));
  if (diagnostics.length > 0) {
    throw new EmitError(
      `The emitted AppRouter types do not compile on their own:\n${ts.formatDiagnostics(
        diagnostics,
        {
          getCanonicalFileName: (fileName) => fileName,
          getCurrentDirectory: () => SDK_DIR,
          getNewLine: () => "\n",
        },
      )}`,
    );
  }
}

async function main() {
  const text = await emitAppRouterTypes();
  checkStandalone(text);
  mkdirSync(dirname(OUT_FILE), { recursive: true });
  writeFileSync(OUT_FILE, text);
  process.stdout.write(`Wrote ${relative(REPO_DIR, OUT_FILE)}.\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((/** @type {unknown} */ error) => {
    process.stderr.write(`${error instanceof EmitError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
