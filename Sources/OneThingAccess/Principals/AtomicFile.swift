import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replacing a file whole: write a new file beside it, force it to disk, rename it over
/// the old one. A crash leaves the old file or the new one, never a mixture.
enum AtomicFile {
    /// Writes `bytes` to `path` atomically; the file is readable and writable by its
    /// owner only.
    static func write(_ bytes: [UInt8], to path: String) throws(PrincipalsFile.FileError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary =
            (folder.isEmpty ? "" : folder + "/") + ".\(name).\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw .unwritable(
                path: path, detail: "creating \(temporary): " + String(cString: strerror(errno)))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do {
            try handle.write(contentsOf: Data(bytes))
            try handle.synchronize()
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw .unwritable(path: path, detail: "writing \(temporary): \(error)")
        }
        guard rename(temporary, path) == 0 else {
            let detail = String(cString: strerror(errno))
            unlink(temporary)
            throw .unwritable(path: path, detail: "renaming \(temporary): " + detail)
        }
    }
}
