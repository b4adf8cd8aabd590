import Foundation
import Vectors

/// Drives a known-answer run: finds the files, picks each one's manifest entry, and streams
/// it through the engine. A bad file or a bad manifest is recorded and the run goes on.
public final class KATRunner {
    public let locations: Locations
    public let engine: KATEngine
    public var results: RunResults { engine.results }
    /// Called when a file starts: (index, count, corpus, display path).
    public var onFileStart: ((Int, Int, String, String) -> Void)?
    /// Called when a file is done: (corpus, display path, tally of that file).
    public var onFileEnd: ((String, String, Tally) -> Void)?

    public init(locations: Locations, engine: KATEngine) {
        self.locations = locations
        self.engine = engine
    }

    /// Every manifest in `TestVectors/manifests`, by corpus name. Bad manifests are reported.
    public func loadManifests() -> [Manifest] {
        let dir = locations.manifestsDirectory
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
            $0.hasSuffix(".manifest")
        }.sorted()
        var out: [Manifest] = []
        for n in names {
            do { out.append(try Manifest.load(path: dir + "/" + n)) } catch {
                engine.diagnostic(Diagnostic(file: dir + "/" + n, line: 0, corpus: "manifests", message: "\(error)"))
            }
        }
        return out
    }

    struct Job {
        var path: String
        var display: String
        var corpus: String
        var entry: Manifest.Entry?
    }

    /// Runs the files and folders in `paths`. With `corpus` (a manifest of
    /// `TestVectors/manifests/`) or `manifestFile` (a user's own manifest, anywhere), that
    /// manifest maps every file (a file it does not map is an error); without, each file is
    /// matched against every manifest, then recognised by its content (evp_test stanzas,
    /// Wycheproof JSON).
    public func run(paths: [String], corpus: String?, manifestFile: String? = nil) {
        let manifests = loadManifests()
        var chosen: Manifest? = nil
        if let f = manifestFile {
            do {
                chosen = try Manifest.load(path: f)
            } catch {
                engine.diagnostic(Diagnostic(file: f, line: 0, corpus: "manifests", message: "\(error)"))
                return
            }
        } else if let c = corpus {
            chosen = manifests.first { $0.corpus == c }
            if chosen == nil {
                engine.diagnostic(
                    Diagnostic(
                        file: c, line: 0, corpus: c,
                        message:
                            "no manifest for corpus '\(c)' (known: \(manifests.map(\.corpus).joined(separator: ", ")))")
                )
                return
            }
        }
        var jobs: [Job] = []
        for p in paths {
            for file in expand(p) {
                if let bad = file.problem {
                    engine.diagnostic(
                        Diagnostic(
                            file: file.path, line: 0, corpus: chosen?.corpus ?? corpus ?? "command line", message: bad))
                    continue
                }
                if let m = chosen {
                    guard let (e, rel) = m.entry(forPath: file.path) else {
                        if file.fromFolder {
                            // A folder walk meets files of formats later issues bring: listed, not run.
                            results.filesUnmapped.append((m.corpus, file.path))
                        } else {
                            engine.diagnostic(
                                Diagnostic(
                                    file: file.path, line: 0, corpus: m.corpus,
                                    message: "not mapped by the \(m.corpus) manifest"))
                        }
                        continue
                    }
                    jobs.append(Job(path: file.path, display: rel, corpus: m.corpus, entry: e))
                } else if let (m, e, rel) = manifests.lazy.compactMap({ m in
                    m.entry(forPath: file.path).map { (m, $0.entry, $0.relative) }
                }).first {
                    jobs.append(Job(path: file.path, display: rel, corpus: m.corpus, entry: e))
                } else {
                    jobs.append(Job(path: file.path, display: file.path, corpus: "files", entry: nil))
                }
            }
        }
        runJobs(jobs)
    }

    /// Runs every file each manifest maps under its installed root; a corpus that is not
    /// installed is reported as such (an error: set-up did not finish).
    public func runAll(corpora wanted: [String]? = nil) {
        for m in loadManifests() where wanted == nil || wanted!.contains(m.corpus) {
            guard let rootSpec = m.root else {
                engine.diagnostic(
                    Diagnostic(file: m.path, line: 0, corpus: m.corpus, message: "manifest has no 'root' line"))
                continue
            }
            guard let root = locations.resolveRoot(rootSpec) else {
                engine.diagnostic(
                    Diagnostic(
                        file: rootSpec, line: 0, corpus: m.corpus,
                        message: "corpus not installed (run scripts/setup.sh)"))
                continue
            }
            var jobs: [Job] = []
            for file in expand(root) {
                if let bad = file.problem {
                    engine.diagnostic(Diagnostic(file: file.path, line: 0, corpus: m.corpus, message: bad))
                    continue
                }
                let rel = String(file.path.dropFirst(root.count + 1))
                if let e = m.entry(forRelativePath: rel) {
                    jobs.append(Job(path: file.path, display: rel, corpus: m.corpus, entry: e))
                }
            }
            // An entry that matches nothing means the corpus changed under us: say so.
            for e in m.entries where !jobs.contains(where: { $0.entry?.line == e.line }) && e.operation != "ignore" {
                engine.diagnostic(
                    Diagnostic(
                        file: m.path, line: e.line, corpus: m.corpus,
                        message: "pattern '\(e.pattern)' matches no file under \(root)"))
            }
            runJobs(jobs)
        }
    }

    private func runJobs(_ jobs: [Job]) {
        for (i, job) in jobs.enumerated() {
            if let e = job.entry, e.operation == "ignore" {
                results.filesIgnored.append((job.corpus, job.display, e.algorithm))
                continue
            }
            onFileStart?(i + 1, jobs.count, job.corpus, job.display)
            let before = results.cases.count
            results.filesRead[job.corpus, default: 0] += 1
            VectorFileReader.read(
                path: job.path, displayPath: job.display, entry: job.entry, corpus: job.corpus, into: engine)
            var t = Tally()
            for r in results.cases[before...] { t.add(r) }
            onFileEnd?(job.corpus, job.display, t)
        }
    }

    struct FoundFile {
        var path: String
        var problem: String?
        /// Found by walking a folder (rather than named on the command line).
        var fromFolder = false
    }

    /// A file as itself, a folder as its files (sorted, hidden ones left out).
    private func expand(_ given: String) -> [FoundFile] {
        let absolute = given.hasPrefix("/") ? given : FileManager.default.currentDirectoryPath + "/" + given
        let path = URL(fileURLWithPath: absolute).standardizedFileURL.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return [FoundFile(path: given, problem: "cannot open: No such file or directory")]
        }
        guard isDir.boolValue else { return [FoundFile(path: path)] }
        var found: [FoundFile] = []
        walk(path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path, into: &found)
        return found.sorted { $0.path < $1.path }
    }

    /// Every regular file under `folder` (hidden ones and `__pycache__` left out, symbolic links
    /// to folders not followed). A sub-folder that cannot be listed and anything that is not a
    /// regular file (a FIFO would block the reader) is returned with its problem, so the run
    /// reports it instead of hanging or passing it over in silence.
    private func walk(_ folder: String, into found: inout [FoundFile]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            let reason = String(cString: strerror(access(folder, R_OK | X_OK) == 0 ? EIO : errno))
            found.append(FoundFile(path: folder, problem: "cannot list folder: \(reason)", fromFolder: true))
            return
        }
        for name in names where !name.hasPrefix(".") && name != "__pycache__" {
            let full = folder + "/" + name
            var st = stat()
            guard lstat(full, &st) == 0 else {
                found.append(
                    FoundFile(
                        path: full, problem: "cannot open: \(String(cString: strerror(errno)))", fromFolder: true))
                continue
            }
            var kind = st.st_mode & S_IFMT
            if kind == S_IFLNK {
                // A link is taken as what it points to; a link to a folder is not walked.
                var target = stat()
                guard stat(full, &target) == 0 else {
                    found.append(FoundFile(path: full, problem: "broken symbolic link", fromFolder: true))
                    continue
                }
                if (target.st_mode & S_IFMT) == S_IFDIR { continue }
                kind = target.st_mode & S_IFMT
            }
            if kind == S_IFDIR {
                walk(full, into: &found)
            } else if kind == S_IFREG {
                found.append(FoundFile(path: full, fromFolder: true))
            } else {
                found.append(
                    FoundFile(path: full, problem: regularFileProblem(full) ?? "not a regular file", fromFolder: true))
            }
        }
    }
}
