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

    /// Nested folders are walked; hidden ones and linked folders are not; a linked file counts.
    @Test func theWalkSkipsHiddenAndLinkedFolders() throws {
        let folder = TestPaths.temporaryFolder()
        for sub in ["sub/deeper", ".git", "elsewhere"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        for name in ["sub/deeper/d.md", ".git/config.md", "elsewhere/e.md"] {
            try "x".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        #expect(symlink(folder + "/elsewhere", folder + "/sub/linked-folder") == 0)
        #expect(symlink(folder + "/elsewhere/e.md", folder + "/sub/linked.md") == 0)
        let (files, problems) = InputFiles.collect([folder + "/sub"])
        #expect(problems.isEmpty)
        #expect(files == ["deeper/d.md", "linked.md"].map { InputFiles.absolute(folder) + "/sub/" + $0 })
    }
}
