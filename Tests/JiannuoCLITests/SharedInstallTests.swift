import Foundation
import JiannuoTestSupport
import Testing

/// The shared-host install of the README, with real system accounts: `jiannuo setup shared` makes a
/// group nobody belongs to, the program set-group-ID to it and a directory only that group may enter.
/// A liaison's own `sqlite3` cannot open the ledger; the program, run by it, shows only its unit; no
/// path an officer names reaches the ledger; each officer's drafts and exports are its own. CI runs as root.
@Suite("Shared-host install (set-group-ID)", .serialized) struct SharedInstallTests {
    static let group = "jnsharedtest", supervisor = "jnshsup", other = "jnshsup2", liaison = "jnshliai", unit = "410422101"

    final class Host: @unchecked Sendable {
        let root = "/tmp/jiannuo-shared-\(UUID().uuidString.prefix(8))"
        var bin: String { root + "/bin/jiannuo" }
        var dir: String { root + "/ledger" }
        var db: String { dir + "/ledger.sqlite" }
        let built: String

        init() throws {
            try #require(getuid() == 0, "this test creates system accounts and a group: run it as root (CI does)")
            built = try jiannuoBinary()
            try sh("getent group \(SharedInstallTests.group) >/dev/null && groupdel \(SharedInstallTests.group) || true")
            for a in [SharedInstallTests.supervisor, SharedInstallTests.other, SharedInstallTests.liaison] {
                try sh("id -u \(a) >/dev/null 2>&1 || useradd -M -N -s /bin/sh \(a)")
                try sh("mkdir -p \(root)/home-\(a) && chown \(a) \(root)/home-\(a) && chmod 700 \(root)/home-\(a)")
            }
            try sh("mkdir -p \(root)/bin && chmod 755 \(root) \(root)/bin")
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func sh(_ cmd: String) throws {
            let r = try ProcessRunner.run("/bin/sh", ["-c", cmd], home: "/tmp")
            try #require(r.status == 0, "\(cmd): \(r)")
        }

        /// As root (the office's administrator made the ledger).
        @discardableResult
        func admin(_ args: [String]) throws -> ProcessResult { try ProcessRunner.run(bin, args, home: root, extraEnv: ["JIANNUO_DB": db]) }

        /// As an officer, through `runuser`, with the ledger in `JIANNUO_DB` as the README says.
        @discardableResult
        func officer(_ account: String, _ args: [String], db: String? = nil) throws -> ProcessResult {
            try ProcessRunner.run("/usr/sbin/runuser", ["-u", account, "--", "env", "JIANNUO_DB=\(db ?? self.db)", "HOME=\(home(account))", "XDG_DATA_HOME=\(home(account))/data", bin] + args,
                                  home: root, directory: home(account))
        }

        func home(_ account: String) -> String { "\(root)/home-\(account)" }
    }

    static func mode(_ path: String) -> (uid: uid_t, gid: gid_t, mode: mode_t)? {
        var st = stat()
        return lstat(path, &st) == 0 ? (st.st_uid, st.st_gid, st.st_mode & 0o7777) : nil
    }

    static func gid(_ name: String) -> gid_t? { getgrnam(name).map { $0.pointee.gr_gid } }

    /// The install, the ledger made by root, three accounts.
    static func installed() throws -> Host {
        let h = try Host()
        let first = try ProcessRunner.run(h.built, ["setup", "shared", "--group", group, "--dir", h.dir, "--binary", h.bin], home: h.root)
        try #require(first.status == 0, "\(first)")
        #expect(first.stdout.contains("已建系统组 \(group)") && first.stdout.contains("2755"), "\(first)")
        try #require(h.admin(["demo", "--today", "2026-11-20"]).status == 0)
        for (a, role) in [(supervisor, "supervisor"), (other, "admin")] {
            try #require(h.admin(["user", "add", a, "--name", a, "--role", role]).status == 0)
        }
        try #require(h.admin(["user", "add", liaison, "--name", "联络员", "--role", "liaison", "--department", unit]).status == 0)
        // Again, now that the ledger exists: it says what was already right and fixes the rest.
        let again = try h.admin(["setup", "shared", "--group", group, "--dir", h.dir, "--binary", h.bin])
        #expect(again.status == 0 && again.stdout.contains("组 \(group) 已存在") && again.stdout.contains("已是 root:\(group) 2755"), "\(again)")
        return h
    }

    @Test("setup shared: the group, the set-group-ID program, the closed directory; idempotent; refuses a group with members")
    func setup() throws {
        let h = try SharedInstallTests.installed()
        let g = try #require(SharedInstallTests.gid(SharedInstallTests.group))
        let bin = try #require(SharedInstallTests.mode(h.bin))
        #expect(bin.uid == 0 && bin.gid == g && bin.mode == 0o2755, "\(bin)")
        let dir = try #require(SharedInstallTests.mode(h.dir))
        #expect(dir.uid == 0 && dir.gid == g && dir.mode == 0o2770, "\(dir)")
        let ledger = try #require(SharedInstallTests.mode(h.db))
        #expect(ledger.gid == g && ledger.mode & 0o007 == 0, "\(ledger)")
        let drafts = try #require(SharedInstallTests.mode(h.db + ".drafts"))
        #expect(drafts.uid == 0 && drafts.gid == g && drafts.mode == 0o3770, "\(drafts)")
        let third = try h.admin(["setup", "shared", "--group", SharedInstallTests.group, "--dir", h.dir, "--binary", h.bin])
        #expect(third.status == 0 && third.stdout.contains("已正确"), "\(third)")
        // Not as an officer.
        let refused = try h.officer(SharedInstallTests.supervisor, ["setup", "shared", "--group", SharedInstallTests.group, "--dir", h.dir])
        #expect(refused.status == 77 && refused.stderr.contains("root"), "\(refused)")
        // A group an officer belongs to would let that officer open the file: refused, and doctor fails.
        try h.sh("usermod -aG \(SharedInstallTests.group) \(SharedInstallTests.liaison)")
        defer { try? h.sh("gpasswd -d \(SharedInstallTests.liaison) \(SharedInstallTests.group) >/dev/null 2>&1 || true") }
        let withMember = try h.admin(["setup", "shared", "--group", SharedInstallTests.group, "--dir", h.dir, "--binary", h.bin])
        #expect(withMember.status == 65 && withMember.stderr.contains(SharedInstallTests.liaison), "\(withMember)")
        let doctor = try h.officer(SharedInstallTests.supervisor, ["doctor"])
        #expect(doctor.status == 65 && doctor.stdout.contains("✗ 共享安装") && doctor.stdout.contains(SharedInstallTests.liaison), "\(doctor)")
        try h.sh("gpasswd -d \(SharedInstallTests.liaison) \(SharedInstallTests.group) >/dev/null")
        let healthy = try h.officer(SharedInstallTests.supervisor, ["doctor"])
        #expect(healthy.status == 0 && healthy.stdout.contains("✓ 共享安装"), "\(healthy)")
    }

    @Test("A liaison's own sqlite3 cannot open the ledger; the program, run by it, shows its unit only and writes as it")
    func liaisonThroughTheProgramOnly() throws {
        let h = try SharedInstallTests.installed()
        let sqlite3 = try executable("sqlite3")
        let direct = try ProcessRunner.run("/usr/sbin/runuser", ["-u", SharedInstallTests.liaison, "--", sqlite3, "-readonly", h.db, "select count(*) from complaints"], home: h.root)
        #expect(direct.status != 0 && !direct.stdout.contains("3"), "\(direct)")
        let cat = try ProcessRunner.run("/usr/sbin/runuser", ["-u", SharedInstallTests.liaison, "--", "/bin/cat", h.db], home: h.root)
        #expect(cat.status != 0 && cat.stdout.isEmpty, "\(cat)")
        let doctor = try h.officer(SharedInstallTests.liaison, ["doctor"])
        #expect(doctor.status == 0 && doctor.stdout.contains("✓ 共享安装") && !doctor.stdout.contains("管理员"), "\(doctor)")
        let who = try h.officer(SharedInstallTests.liaison, ["whoami"])
        #expect(who.status == 0 && who.stdout.contains(SharedInstallTests.liaison), "\(who)")
        let list = try h.officer(SharedInstallTests.liaison, ["complaint", "list", "--json"])
        try #require(list.status == 0, "\(list)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty && rows.allSatisfy { $0["department"] as? String == SharedInstallTests.unit }, "\(rows.prefix(3))")
        // A write by the supervisor through the program lands, and names the real account.
        let add = try h.officer(SharedInstallTests.supervisor, ["complaint", "add", "--channel", "hotline", "--department", SharedInstallTests.unit,
                                                              "--complainant", "张三", "--contact", "13812345678", "--category", "3", "--content", "共享安装测试", "--json"])
        try #require(add.status == 0, "\(add)")
        let audit = try h.admin(["audit", "list", "--json"])
        #expect(audit.stdout.contains("\"\(SharedInstallTests.supervisor)\""), "\(audit.stdout.suffix(400))")
        let verify = try h.officer(SharedInstallTests.supervisor, ["audit", "verify"])
        #expect(verify.status == 0, "\(verify)")
    }

    @Test("No path an officer names reaches the ledger: outputs onto it or into its folder, rules, keys, attachments and imports from it are refused")
    func userPathsAreTheUsers() throws {
        let h = try SharedInstallTests.installed()
        let sup = SharedInstallTests.supervisor
        let refusals: [[String]] = [
            ["export", "complaints", "-o", h.db],
            ["export", "complaints", "-o", h.dir + "/out.csv"],
            ["report", "-o", h.dir + "/report.html"],
            ["publish", "-o", h.dir + "/public.html"],
            ["--rules", h.db, "status"],
            ["render", "--keys-file", h.db],
            ["attach", "CN-2026-0001", h.db],
            ["import", "commitments", h.db],
            ["backup", h.dir + "/copy.sqlite"],
        ]
        for args in refusals {
            // The administrator, so that no refusal is the role's: each is the path's.
            let r = try h.officer(SharedInstallTests.other, args)
            #expect([65, 66, 74].contains(r.status), "\(args) should be refused for its path: \(r)")
            #expect(!r.stdout.contains("SQLite format"), "\(args) leaked the file")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: h.dir).sorted()
        #expect(left.allSatisfy { $0.hasPrefix("ledger.sqlite") }, "\(left)")
        #expect(try h.admin(["audit", "verify"]).status == 0)
        // Nothing else of the group's may stand in for the ledger: a draft, a new file there, a link to a draft.
        let notLedger = try h.officer(sup, ["status"], db: h.db + ".drafts/x.json")
        #expect(notLedger.status == 74, "\(notLedger)")
        let create = try h.officer(sup, ["init"], db: h.dir + "/new.sqlite")
        #expect(create.status != 0 && !FileManager.default.fileExists(atPath: h.dir + "/new.sqlite"), "\(create)")
        // An officer's own file is opened with the officer's own rights: its group is the officer's, not the install's.
        let own = h.home(sup) + "/own.sqlite"
        let demo = try h.officer(sup, ["demo"], db: own)
        #expect(demo.status == 0, "\(demo)")
        let ownMode = try #require(SharedInstallTests.mode(own))
        #expect(ownMode.gid != SharedInstallTests.gid(SharedInstallTests.group), "\(ownMode)")
        let doctor = try h.officer(sup, ["doctor"], db: own)
        #expect(doctor.stdout.contains("以本人权限打开"), "\(doctor)")
    }

    @Test("The README's shared-host setup runs as written, in order, and the install it makes holds")
    func readmeSetup() throws {
        let h = try Host()
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "<!-- shared-host setup -->").dropFirst().first?.components(separatedBy: "<!-- end -->").first)
        let commands = block.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("```") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(commands.count >= 5, "\(commands)")
        let group = "jnreadmetest"
        try h.sh("getent group \(group) >/dev/null && groupdel \(group) || true")
        for a in ["wangwei", "liming", "zhaoli"] { try h.sh("id -u \(a) >/dev/null 2>&1 || useradd -M -N -s /bin/sh \(a)") }
        // Only the places change: the directory, the installed program and the group are the test's own.
        let script = commands.map {
            $0.replacingOccurrences(of: "/srv/jiannuo", with: h.dir).replacingOccurrences(of: "/usr/local/bin/jiannuo", with: h.bin)
              .replacingOccurrences(of: "jiannuo-ledger", with: group)
        }.joined(separator: "\n")
        let path = (h.built as NSString).deletingLastPathComponent + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = try ProcessRunner.run("/bin/sh", ["-e", "-x", "-c", script], home: h.root, extraEnv: ["PATH": path], directory: h.root)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("✓ 共享安装"), "\(r.stdout)")
        let g = try #require(SharedInstallTests.gid(group))
        #expect(SharedInstallTests.mode(h.bin).map { $0.gid == g && $0.mode == 0o2755 } == true)
        let direct = try ProcessRunner.run("/usr/sbin/runuser", ["-u", "liming", "--", "/bin/cat", h.dir + "/ledger.sqlite"], home: h.root)
        #expect(direct.status != 0 && direct.stdout.isEmpty, "\(direct)")
        let who = try ProcessRunner.run("/usr/sbin/runuser", ["-u", "liming", "--", "env", "JIANNUO_DB=\(h.dir)/ledger.sqlite", h.bin, "whoami"], home: h.root, directory: h.root)
        #expect(who.status == 0 && who.stdout.contains("liming") && who.stdout.contains("410422101"), "\(who)")
        try h.sh("groupdel \(group)")
    }

    @Test("Exports are their maker's alone (0600, in its own folder); another officer cannot read them")
    func exportsAreTheirMakers() throws {
        let h = try SharedInstallTests.installed()
        let file = h.home(SharedInstallTests.supervisor) + "/complaints.csv"
        let r = try h.officer(SharedInstallTests.supervisor, ["export", "complaints", "-o", file])
        try #require(r.status == 0, "\(r)")
        let m = try #require(SharedInstallTests.mode(file))
        #expect(m.mode == 0o600 && m.uid == getpwnam(SharedInstallTests.supervisor)?.pointee.pw_uid, "\(m)")
        #expect(m.gid != SharedInstallTests.gid(SharedInstallTests.group), "the install's group must not own a user's export: \(m)")
        try h.sh("chmod 755 \(h.home(SharedInstallTests.supervisor))")
        let peek = try ProcessRunner.run("/usr/sbin/runuser", ["-u", SharedInstallTests.other, "--", "/bin/cat", file], home: h.root)
        #expect(peek.status != 0 && peek.stdout.isEmpty, "\(peek)")
        // The administrator's backup is a whole ledger: its maker's file too.
        let copy = h.home(SharedInstallTests.other) + "/backup.sqlite"
        let b = try h.officer(SharedInstallTests.other, ["backup", copy])
        try #require(b.status == 0, "\(b)")
        let bm = try #require(SharedInstallTests.mode(copy))
        #expect(bm.uid == getpwnam(SharedInstallTests.other)?.pointee.pw_uid && bm.gid != SharedInstallTests.gid(SharedInstallTests.group) && bm.mode & 0o077 == 0 || bm.mode & 0o007 == 0, "\(bm)")
        let verify = try h.officer(SharedInstallTests.other, ["audit", "verify"], db: copy)
        #expect(verify.status == 0, "\(verify)")
    }

    @Test("Each officer's intake draft saves in the shared drafts folder, its own (0600), and comes back after a lost terminal")
    func draftsPerOfficer() throws {
        let h = try SharedInstallTests.installed()
        let tmux = try executable("tmux")
        let socket = "jiannuo-shared-\(UUID().uuidString.prefix(8))"
        defer { _ = try? ProcessRunner.spawn(tmux, ["-L", socket, "kill-server"], home: "/tmp") }
        // A session that outlives the officers' own: killing the last one would stop the server while the next
        // `new-session` connects to it ("server exited unexpectedly").
        let keeper = try ProcessRunner.spawn(tmux, ["-L", socket, "new-session", "-d", "-s", "keeper", "sleep 3600"], home: h.root)
        try #require(keeper.status == 0, "\(keeper)")
        func start(_ account: String) throws {
            let r = try ProcessRunner.spawn(tmux, ["-u", "-L", socket, "new-session", "-d", "-s", account, "-x", "100", "-y", "30",
                                                 "runuser -u \(account) -- env JIANNUO_DB=\(h.db) HOME=\(h.home(account)) LANG=C.UTF-8 TERM=xterm-256color \(h.bin)"],
                                          home: h.root)
            try #require(r.status == 0, "\(r)")
        }
        func screen(_ account: String) -> String {
            (try? ProcessRunner.spawn(tmux, ["-u", "-L", socket, "capture-pane", "-p", "-t", account], home: h.root).stdout) ?? ""
        }
        func wait(_ account: String, _ done: (String) -> Bool) -> (Bool, String) {
            let end = Date().addingTimeInterval(15)
            var s = screen(account)
            while !done(s) && Date() < end { Thread.sleep(forTimeInterval: 0.1); s = screen(account) }
            return (done(s), s)
        }
        func keys(_ account: String, _ k: [String], literal: Bool = false) throws {
            _ = try ProcessRunner.spawn(tmux, ["-u", "-L", socket, "send-keys", "-t", account] + (literal ? ["-l"] : []) + k, home: h.root)
        }
        let drafts = h.db + ".drafts"
        for (account, name) in [(SharedInstallTests.supervisor, "王五"), (SharedInstallTests.other, "赵六")] {
            try start(account)
            let (up, s) = wait(account) { $0.contains("践诺") }
            try #require(up, "\(s)")
            try keys(account, ["a"])
            let (form, f) = wait(account) { $0.contains("登记投诉") }
            try #require(form, "\(f)")
            try keys(account, ["Tab", "Tab", "Tab"])
            try keys(account, [name], literal: true)
            let file = drafts + "/\(account).complaint.json"
            let end = Date().addingTimeInterval(10)
            // Saved when typing pauses: wait for the name itself to be in it.
            while (try? String(contentsOfFile: file, encoding: .utf8))?.contains(name) != true && Date() < end { Thread.sleep(forTimeInterval: 0.1) }
            let m = try #require(SharedInstallTests.mode(file), "no draft for \(account): \(screen(account))")
            #expect(m.mode == 0o600 && m.uid == getpwnam(account)?.pointee.pw_uid, "\(m)")
            #expect(!screen(account).contains("草稿未能保存"), "\(screen(account))")
            // The terminal is lost, not quit: the draft is what is left.
            _ = try ProcessRunner.spawn(tmux, ["-L", socket, "kill-session", "-t", account], home: h.root)
        }
        // Neither officer can read the other's draft, even through the program's folder.
        let peek = try ProcessRunner.run("/usr/sbin/runuser", ["-u", SharedInstallTests.other, "--", "/bin/cat", drafts + "/\(SharedInstallTests.supervisor).complaint.json"], home: h.root)
        #expect(peek.status != 0 && peek.stdout.isEmpty, "\(peek)")
        try start(SharedInstallTests.supervisor)
        let (asked, a) = wait(SharedInstallTests.supervisor) { $0.contains("未保存的草稿") }
        try #require(asked, "\(a)")
        try keys(SharedInstallTests.supervisor, ["y"])
        let (back, b) = wait(SharedInstallTests.supervisor) { $0.contains("王五") }
        #expect(back && !b.contains("赵六"), "\(b)")
    }
}
