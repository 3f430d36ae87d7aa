import Entities
import Foundation
import SourceText

/// The rule for where a site may be written: a build replaces the output folder whole, so it
/// must not be, hold or lie inside the content or the templates, must not hold the folder the
/// command runs in, and, if it already holds files, must hold a site (`index.html` and
/// `sitemap.xml`). `dossier build --output content` would otherwise replace the dossier with
/// its own site.
enum OutputFolder {
    static func check(_ options: SiteBuilder.Options) throws {
        let output = resolved(options.output)
        let shown = options.output.relativePath
        var guarded = [(resolved(options.content), "the content folder")]
        if let templates = options.templates { guarded.append((resolved(templates), "the templates folder")) }
        for (folder, name) in guarded {
            if output == folder || folder.hasPrefix(output + "/") {
                throw problem(shown, "it is or holds \(name) (\(folder)), which a build would replace: write the site elsewhere, like --output site")
            }
            if output.hasPrefix(folder + "/") {
                throw problem(shown, "it lies inside \(name) (\(folder)): write the site beside it, like --output site")
            }
        }
        let here = resolved(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        if output == here || here.hasPrefix(output + "/") || output == "/" {
            throw problem(shown, "it holds the folder the command runs in, which a build would replace: write the site into a folder of its own, like --output site")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue {
            throw problem(shown, "it is a file, which a build would replace: write the site into a folder, like --output site")
        }
        if let names = try? FileManager.default.contentsOfDirectory(atPath: output), !names.isEmpty,
           !(names.contains("index.html") && names.contains("sitemap.xml")) {
            throw problem(shown, "it holds files but no site (no index.html and sitemap.xml), which a build would replace: empty it, or write the site elsewhere")
        }
    }

    private static func resolved(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    private static func problem(_ output: String, _ why: String) -> SourceError {
        SourceError(file: output, message: "not a folder to write the site into: \(why)")
    }
}
