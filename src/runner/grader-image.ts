/**
 * Builds the grader sidecar image from this machine's own Node runtime and the installed mlegrade
 * package, with no registry access: a root file system holding `node`, the shared libraries it
 * links against (found with `ldd`), and mlegrade's `dist/` with its runtime dependency, imported
 * into Docker with `node dist/cli.js` as the entrypoint. Linux hosts with glibc only.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type Dockerode from "dockerode";
import { VERSION } from "../version.js";
import { RunnerError } from "./docker.js";

export const DEFAULT_GRADER_IMAGE = `mlegrade-grader:${VERSION}`;

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4 && !existsSync(join(dir, "package.json")); i++) dir = resolve(dir, "..");
  return dir;
}

/** The shared libraries a binary needs, from `ldd` (absolute paths). */
function sharedLibraries(binary: string): string[] {
  const output = execFileSync("ldd", [binary], { encoding: "utf8" });
  const libraries = new Set<string>();
  for (const line of output.split("\n")) {
    const match = line.match(/(\/\S+)\s+\(0x/);
    if (match) libraries.add(match[1]!);
  }
  return [...libraries];
}

function copyInto(root: string, path: string): void {
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(path, target, { dereference: true });
}

/** Names of the package's runtime dependencies, transitively, as installed in its node_modules. */
function runtimeDependencies(pkg: string): string[] {
  const seen = new Set<string>();
  const visit = (manifest: string) => {
    const deps = Object.keys((JSON.parse(readFileSync(manifest, "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {});
    for (const name of deps) {
      if (seen.has(name)) continue;
      const path = join(pkg, "node_modules", name, "package.json");
      if (!existsSync(path)) throw new RunnerError(`cannot build the grader image: dependency ${name} is not installed in ${pkg}/node_modules`);
      seen.add(name);
      visit(path);
    }
  };
  visit(join(pkg, "package.json"));
  return [...seen];
}

export async function graderImageExists(docker: Dockerode, tag = DEFAULT_GRADER_IMAGE): Promise<boolean> {
  return docker
    .getImage(tag)
    .inspect()
    .then(() => true, () => false);
}

/** Builds (or rebuilds) the grader image; returns its tag. */
export async function buildGraderImage(docker: Dockerode, tag = DEFAULT_GRADER_IMAGE): Promise<string> {
  const pkg = packageRoot();
  const dist = join(pkg, "dist", "cli.js");
  if (!existsSync(dist)) throw new RunnerError(`cannot build the grader image: ${dist} is missing (run npm run build)`);
  const root = mkdtempSync(join(tmpdir(), "mlegrade-grader-rootfs-"));
  try {
    const node = process.execPath;
    mkdirSync(join(root, "usr/local/bin"), { recursive: true });
    cpSync(node, join(root, "usr/local/bin/node"), { dereference: true });
    for (const library of sharedLibraries(node)) copyInto(root, library);
    const app = join(root, "opt/mlegrade");
    mkdirSync(app, { recursive: true });
    cpSync(join(pkg, "package.json"), join(app, "package.json"));
    cpSync(join(pkg, "dist"), join(app, "dist"), { recursive: true, filter: (source) => !source.endsWith(".map") });
    // The CLI's runtime dependencies and theirs (the Docker and Kubernetes clients are optional peers
    // and not needed to serve).
    for (const name of runtimeDependencies(pkg)) {
      cpSync(join(pkg, "node_modules", name), join(app, "node_modules", name), { recursive: true, dereference: true });
    }
    for (const dir of ["tmp", "data", "etc"]) mkdirSync(join(root, dir), { recursive: true });
    // Docker copies a folder's mode onto a tmpfs mounted over it: /tmp must be world-writable here.
    chmodSync(join(root, "tmp"), 0o1777);
    writeFileSync(join(root, "etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
    const archive = join(mkdtempSync(join(tmpdir(), "mlegrade-grader-")), "rootfs.tar");
    execFileSync("tar", ["-C", root, "-cf", archive, "."]);
    const stream = await docker.importImage(createReadStream(archive) as never, {
      repo: tag.split(":")[0],
      tag: tag.split(":")[1] ?? "latest",
      changes: ['ENTRYPOINT ["/usr/local/bin/node", "/opt/mlegrade/dist/cli.js"]', "USER nobody", "WORKDIR /tmp"],
    } as never);
    await new Promise<void>((done, fail) => docker.modem.followProgress(stream as unknown as NodeJS.ReadableStream, (error) => (error ? fail(error) : done())));
    rmSync(dirname(archive), { recursive: true, force: true });
    return tag;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
