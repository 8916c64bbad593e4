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
        #expect(Array(files) == ["a.md", "b.md", "sub/c.md"].map { InputFiles.absolute(folder) + "/" + $0 })
    }

    /// One folder's walk yields its files already in byte order, including names that sort
    /// around "/" ("a-b" < "a/" < "a0"), so `collect` keeps its list without sorting a copy.
    @Test func theWalkYieldsPathsInByteOrder() throws {
        let folder = TestPaths.temporaryFolder()
        for sub in ["a", "a-b", "a0", "b/c", "B"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        let names = ["a/x.md", "a-b/x.md", "a0/x.md", "a.md", "a-.md", "b/c/x.md", "b/c.md", "b.md", "B/x.md", "é.md", "z.md"]
        for name in names { try "x".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
        var walked: [String] = []
        let readable = InputFiles.walk(folder, { relative, _, _ in walked.append(relative) }, unreadable: { _ in })
        #expect(readable)
        let byteOrder = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(walked == byteOrder)
        let (files, problems) = InputFiles.collect([folder])
        #expect(problems.isEmpty)
        #expect(files.isSortedUnique)
        #expect(Array(files) == byteOrder.map { InputFiles.absolute(folder) + "/" + $0 })
        #expect(!PathList(["b", "a"]).isSortedUnique)
        #expect(!PathList(["a", "a"]).isSortedUnique)
        #expect(PathList(["", "a", "a/b", "ab"]).isSortedUnique)
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
        #expect(Array(files) == ["deeper/d.md", "linked.md"].map { InputFiles.absolute(folder) + "/sub/" + $0 })
    }
}

/// `PathList`: the paths as one buffer, sorted in byte order, each once.
@Suite struct PathListTests {
    @Test func sortsInByteOrderDropsRepeatsAndFindsPaths() {
        let paths = ["/b/z.xml", "/a/é.md", "/a/b.md", "/b/z.xml", "", "/a/b", "/a/b.md"]
        let list = PathList(paths)
        #expect(list.count == paths.count)
        #expect(Array(list) == paths)
        let sorted = list.sortedUnique()
        #expect(Array(sorted) == ["", "/a/b", "/a/b.md", "/a/é.md", "/b/z.xml"])
        #expect(Array(sorted) == Array(Set(paths)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for path in paths { #expect(sorted.sortedContains(path)) }
        #expect(!sorted.sortedContains("/a/b.m"))
        #expect(!sorted.sortedContains("/c"))
        #expect(Array(sorted.filter { $0.hasSuffix(".md") }) == ["/a/b.md", "/a/é.md"])
        #expect(PathList().sortedUnique().isEmpty)
    }

    /// A list spilled to its temporary file reads, iterates, filters, sorts and finds exactly
    /// as the list in memory; a small list stays in memory.
    @Test func spilledPathsReadBackAsInMemory() {
        var paths: [String] = []
        for folder in ["/data/medquad/10_MPlus_ADAM_QA", "/data/medquad/1_CancerGov_QA", "/d/é"] {
            for number in 0..<300 { paths.append("\(folder)/\(String(number * 7919 % 100_000, radix: 16)).xml") }
        }
        let memory = PathList(paths).sortedUnique()
        let folder = TestPaths.temporaryFolder()
        let spilled = memory.spilled(over: 0, in: folder)
        #expect(spilled == memory)
        #expect(spilled.count == memory.count)
        #expect(Array(spilled) == Array(memory))
        #expect(memory.indices.allSatisfy { spilled[$0] == memory[$0] })
        #expect(spilled.isSortedUnique)
        #expect(Array(memory).allSatisfy(spilled.sortedContains))
        #expect(!spilled.sortedContains("/d/é/0.xm"))
        #expect(Array(spilled.filter { $0.hasPrefix("/d/") }) == Array(memory.filter { $0.hasPrefix("/d/") }))
        #expect(Array(PathList(["b", "a"]).spilled(over: 0, in: folder).sortedUnique()) == ["a", "b"])
        #expect(PathList(["a"]).spilled(over: 1 << 20, in: folder) == PathList(["a"]))
        #expect(PathList().spilled(over: 0, in: folder).isEmpty)
        // The file is unlinked at once: nothing is left in the folder.
        #expect((try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true)
        // A folder that cannot take the file keeps the list in memory.
        #expect(Array(memory.spilled(over: 0, in: folder + "/missing")) == Array(memory))
    }

    /// Many paths (runs of 16 share their starts; some do not): every path reads back at its
    /// position and in order, sorting agrees with a plain sort, and look-ups find exactly the
    /// paths held.
    @Test func frontCodedPathsReadBackAndSort() {
        var paths: [String] = []
        for folder in ["/data/medquad/10_MPlus_ADAM_QA", "/data/medquad/1_CancerGov_QA", "/d/é", "/d"] {
            for number in stride(from: 997, through: 0, by: -7) { paths.append("\(folder)/\(String(number, radix: 16)).xml") }
        }
        paths += ["", "/", "/data", "/data/medquad/10_MPlus_ADAM_QA", "/data/medquad/1_CancerGov_QA/0.xml"]
        let list = PathList(paths)
        #expect(list.count == paths.count)
        #expect(Array(list) == paths)
        for position in [0, 1, 15, 16, 17, 31, 32, paths.count - 1] { #expect(list[position] == paths[position]) }
        #expect(paths.indices.allSatisfy { list[$0] == paths[$0] })
        #expect(!list.isSortedUnique)
        let sorted = list.sortedUnique()
        let expected = Array(Set(paths)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(Array(sorted) == expected)
        #expect(sorted.isSortedUnique)
        #expect(PathList(expected) == sorted)
        #expect(expected.allSatisfy(sorted.sortedContains))
        for absent in ["/data/medquad/10_MPlus_ADAM_QA/3e4.xm", "/data/medquad/10_MPlus_ADAM_QA/3e4.xml0", "/e", "/d/é/", " "] {
            #expect(!sorted.sortedContains(absent), "\(absent)")
        }
    }

    /// The write order puts the supplements first and keeps the rest in path order.
    @Test func writeOrderPutsSupplementsFirst() {
        let files = PathList(["a", "b", "s1", "c", "d", "s2"])
        let order = IndexWriter.WriteOrder(files: files, supplements: [2, 5])
        #expect(Array(order) == ["s1", "s2", "a", "b", "c", "d"])
        #expect(Array(IndexWriter.WriteOrder(files: files, supplements: [0, 1])) == ["a", "b", "s1", "c", "d", "s2"])
        #expect(Array(IndexWriter.WriteOrder(files: files, supplements: [])) == Array(files))
        #expect(Array(IndexWriter.WriteOrder(files: files, supplements: [3])) == ["c", "a", "b", "s1", "d", "s2"])
    }
}
