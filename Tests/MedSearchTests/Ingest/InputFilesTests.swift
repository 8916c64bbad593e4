import Foundation
import Testing
@testable import MedSearch

/// `InputFiles.collect`: every file once, sorted, whatever overlap the paths given have.
@Suite struct InputFilesTests {
    @Test func filesGivenTwiceOrInsideAGivenFolderComeOnce() throws {
        let folder = TestPaths.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        for name in ["b.md", "a.md", "sub/c.md", "README.md", ".hidden.md"] {
            try "x".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        let (files, problems) = InputFiles.collect([folder + "/b.md", folder, folder + "/sub", folder + "/b.md"])
        #expect(problems.isEmpty)
        #expect(files == ["a.md", "b.md", "sub/c.md"].map { InputFiles.absolute(folder) + "/" + $0 })
    }
}
