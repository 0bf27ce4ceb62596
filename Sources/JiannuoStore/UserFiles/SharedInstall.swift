import Foundation
import JiannuoCore

/// The shared-host install (`jiannuo setup shared`, checked by `doctor`): a group no officer belongs
/// to; the binary root-owned, set-group-ID to it and writable by root only; the ledger's directory
/// root's and the group's (2770), its ledgers 0660, their drafts folder sticky (3770: each officer's
/// draft is its own, 0600) and attachments folder 2770. Nothing in it is open to others.
public struct SharedInstall: Sendable {
    public let group: String
    public let directory: String
    public let binary: String

    public init(group: String, directory: String, binary: String) {
        self.group = group
        self.directory = directory
        self.binary = binary
    }

    /// The running program's own file.
    public static var runningBinary: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Makes the install right, as root; each line says what was done or found already right.
    /// `source` is copied to `binary` when they differ.
    public func apply(source: String) throws -> [Text] {
        guard geteuid() == 0 else {
            throw JiannuoError.permission("jiannuo setup shared 须由 root 运行（它建组、设置程序的 set-group-ID 位与目录权限）",
                                         "jiannuo setup shared must be run by root (it makes a group and sets the program's set-group-ID bit and the directory's modes)")
        }
        var said: [Text] = []
        let gid = try ensureGroup(&said)
        try ensureBinary(source: source, gid: gid, &said)
        try ensureDirectory(gid: gid, &said)
        return said
    }

    // MARK: steps

    func ensureGroup(_ said: inout [Text]) throws -> gid_t {
        guard group.range(of: #"^[a-z_][a-z0-9_-]{0,31}$"#, options: .regularExpression) != nil else {
            throw JiannuoError.usage("组名“\(Sanitize.visible(group))”不合规：小写字母、数字、_ 与 -，以字母或 _ 开头",
                                     "group name \"\(Sanitize.visible(group))\" is not valid: lower-case letters, digits, _ and -, starting with a letter or _")
        }
        if getgrnam(group) == nil {
            try SharedInstall.runTool("/usr/sbin/groupadd", ["--system", group])
            said.append(Text("已建系统组 \(group)", "made the system group \(group)"))
        } else {
            said.append(Text("组 \(group) 已存在", "group \(group) exists"))
        }
        guard let g = getgrnam(group) else {
            throw JiannuoError.database("无法读取组 \(group)", "cannot read the group \(group)")
        }
        let gid = g.pointee.gr_gid
        let members = SharedInstall.members(of: gid)
        guard members.isEmpty else {
            throw JiannuoError.invalid("组 \(group) 有成员（\(members.joined(separator: "、"))）：成员能直接打开账本。请先移出（gpasswd -d 账号 \(group)），或换一个组名",
                                       "the group \(group) has members (\(members.joined(separator: ", "))), who could open the ledger directly: remove them first (gpasswd -d ACCOUNT \(group)) or choose another group")
        }
        return gid
    }

    func ensureBinary(source: String, gid: gid_t, _ said: inout [Text]) throws {
        let fm = FileManager.default
        if binary != source {
            let same = fm.contentsEqual(atPath: source, andPath: binary)
            if !same {
                // Copied under a temporary name and renamed: a running copy is never half written.
                let temporary = binary + ".new"
                try? fm.removeItem(atPath: temporary)
                SharedInstall.makeParents(of: binary)
                do {
                    try fm.copyItem(atPath: source, toPath: temporary)
                    guard rename(temporary, binary) == 0 else { throw JiannuoError.database("rename", "rename") }
                } catch {
                    throw JiannuoError.database("无法安装程序到 \(binary)：\(error.localizedDescription)", "cannot install the program at \(binary): \(error.localizedDescription)")
                }
                try SharedInstall.copyResources(from: source, to: binary)
                said.append(Text("已安装程序 \(binary)", "installed the program at \(binary)"))
            }
        }
        if SharedInstall.owner(binary).map({ $0 == (0, gid) }) == true, SharedInstall.mode(binary) == 0o2755 {
            said.append(Text("程序 \(binary) 已是 root:\(group) 2755（set-group-ID）", "the program \(binary) is root:\(group) 2755 (set-group-ID) already"))
            return
        }
        // chown clears the set-group-ID bit, so the mode comes after it.
        guard chown(binary, 0, gid) == 0, chmod(binary, 0o2755) == 0 else {
            throw JiannuoError.database("无法设置程序 \(binary) 的组与权限（errno \(errno)）", "cannot set the group and mode of \(binary) (errno \(errno))")
        }
        said.append(Text("程序 \(binary) 设为 root:\(group) 2755（set-group-ID）", "set the program \(binary) to root:\(group) 2755 (set-group-ID)"))
    }

    func ensureDirectory(gid: gid_t, _ said: inout [Text]) throws {
        var changed: [String] = []
        func fix(_ path: String, _ mode: mode_t, owner: uid_t? = 0) throws {
            let before = (SharedInstall.owner(path), SharedInstall.mode(path))
            let uid = owner ?? SharedInstall.owner(path)?.0 ?? 0
            guard chown(path, uid, gid) == 0, chmod(path, mode) == 0 else {
                throw JiannuoError.database("无法设置 \(path) 的组与权限（errno \(errno)）", "cannot set the group and mode of \(path) (errno \(errno))")
            }
            if before.0?.0 != uid || before.0?.1 != gid || before.1 != mode { changed.append(path) }
        }
        let fm = FileManager.default
        if !fm.fileExists(atPath: directory) {
            SharedInstall.makeParents(of: directory)
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: false)
            said.append(Text("已建目录 \(directory)", "made the directory \(directory)"))
        }
        try fix(directory, 0o2770)
        for name in (try? fm.contentsOfDirectory(atPath: directory))?.sorted() ?? [] {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }
            if isDir.boolValue && name.hasSuffix(".drafts") {
                try fix(path, 0o3770)
                // Each draft stays its writer's own.
                for d in (try? fm.contentsOfDirectory(atPath: path)) ?? [] { try fix((path as NSString).appendingPathComponent(d), 0o600, owner: nil) }
            } else if isDir.boolValue && name.hasSuffix(".attachments") {
                try fix(path, 0o2770)
                for a in (try? fm.contentsOfDirectory(atPath: path)) ?? [] { try fix((path as NSString).appendingPathComponent(a), 0o660, owner: nil) }
            } else if !isDir.boolValue {
                try fix(path, 0o660, owner: nil)
                if SharedInstall.isLedger(path) && !fm.fileExists(atPath: path + ".drafts") {
                    try fm.createDirectory(atPath: path + ".drafts", withIntermediateDirectories: false)
                    try fix(path + ".drafts", 0o3770)
                }
            }
        }
        said.append(changed.isEmpty ? Text("目录 \(directory) 及其中文件的组与权限已正确", "the directory \(directory) and its files have the right group and modes already")
                                    : Text("已设置 \(changed.count) 个目录与文件的组与权限（目录 2770，账本 0660，草稿目录 3770）",
                                           "set the group and mode of \(changed.count) directories and files (directory 2770, ledgers 0660, drafts folder 3770)"))
    }

    // MARK: checks (doctor)

    /// What is wrong with the install around `ledger` (empty when it is right).
    public static func problems(ledger: String, binary: String, gid: gid_t) -> [Text] {
        var out: [Text] = []
        let name = getgrgid(gid).map { String(cString: $0.pointee.gr_name) } ?? "\(gid)"
        if owner(binary)?.0 != 0 || owner(binary)?.1 != gid || (mode(binary) ?? 0) & 0o2000 == 0 || (mode(binary) ?? 0) & 0o022 != 0 {
            out.append(Text("程序 \(binary) 应为 root:\(name)、set-group-ID、仅 root 可写（jiannuo setup shared 可修正）",
                            "the program \(binary) should be root:\(name), set-group-ID, writable by root only (jiannuo setup shared fixes it)"))
        }
        let dir = (ledger as NSString).deletingLastPathComponent
        if owner(dir)?.0 != 0 || owner(dir)?.1 != gid || (mode(dir) ?? 0o7) & 0o007 != 0 {
            out.append(Text("账本目录 \(dir) 应为 root:\(name)、其他用户无权限", "the ledger's directory \(dir) should be root:\(name) with no access for others"))
        }
        for p in [ledger, ledger + "-wal", ledger + "-shm"] where FileManager.default.fileExists(atPath: p) {
            if owner(p)?.1 != gid || (mode(p) ?? 0o7) & 0o007 != 0 {
                out.append(Text("\(p) 应属组 \(name)、其他用户无权限", "\(p) should belong to the group \(name), with no access for others"))
            }
        }
        let m = members(of: gid)
        if !m.isEmpty {
            out.append(Text("组 \(name) 有成员（\(m.joined(separator: "、"))），他们能绕过程序直接打开账本", "the group \(name) has members (\(m.joined(separator: ", "))), who can open the ledger around the program"))
        }
        return out
    }

    // MARK: system facts

    /// Accounts in the group, as a supplementary group or as their own.
    public static func members(of gid: gid_t) -> [String] {
        var names: Set<String> = []
        if let g = getgrgid(gid), var p = g.pointee.gr_mem {
            while let m = p.pointee { names.insert(String(cString: m)); p += 1 }
        }
        setpwent()
        while let pw = getpwent() { if pw.pointee.pw_gid == gid { names.insert(String(cString: pw.pointee.pw_name)) } }
        endpwent()
        return names.sorted()
    }

    static func owner(_ path: String) -> (uid_t, gid_t)? {
        var st = stat()
        return lstat(path, &st) == 0 ? (st.st_uid, st.st_gid) : nil
    }

    static func mode(_ path: String) -> mode_t? {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & 0o7777 : nil
    }

    static func isLedger(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let header = [UInt8]((try? h.read(upToCount: 20)) ?? Data())
        return SQLiteLedger.isLedgerHeader(header)
    }

    /// Missing parents are made for everyone to pass through (the program's umask would close them).
    static func makeParents(of path: String) {
        var parent = ""
        for part in path.split(separator: "/").dropLast() {
            parent += "/" + part
            if !FileManager.default.fileExists(atPath: parent) { mkdir(parent, 0o755); chmod(parent, 0o755) }
        }
    }

    /// The program's data (calendars, rules, themes) sits beside it in `*.resources` folders: copied along,
    /// readable by everyone like the program itself.
    static func copyResources(from source: String, to binary: String) throws {
        let fm = FileManager.default
        let from = (source as NSString).deletingLastPathComponent, to = (binary as NSString).deletingLastPathComponent
        guard from != to else { return }
        for name in (try? fm.contentsOfDirectory(atPath: from)) ?? [] where name.hasSuffix(".resources") {
            let target = (to as NSString).appendingPathComponent(name)
            try? fm.removeItem(atPath: target)
            try fm.copyItem(atPath: (from as NSString).appendingPathComponent(name), toPath: target)
            chmod(target, 0o755)
            for case let item as String in fm.enumerator(atPath: target)?.allObjects ?? [] {
                let p = (target as NSString).appendingPathComponent(item)
                var isDir: ObjCBool = false
                _ = fm.fileExists(atPath: p, isDirectory: &isDir)
                chmod(p, isDir.boolValue ? 0o755 : 0o644)
            }
        }
    }

    static func runTool(_ tool: String, _ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        do { try p.run() } catch {
            throw JiannuoError.database("无法运行 \(tool)：\(error.localizedDescription)", "cannot run \(tool): \(error.localizedDescription)")
        }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw JiannuoError.database("\(tool) \(args.joined(separator: " ")) 失败（退出码 \(p.terminationStatus)）",
                                        "\(tool) \(args.joined(separator: " ")) failed (exit \(p.terminationStatus))")
        }
    }
}
