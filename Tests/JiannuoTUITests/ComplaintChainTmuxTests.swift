import Foundation
import Testing
@testable import JiannuoTUI

/// A new officer's whole complaint chain at 80×24 in a real terminal, pressing only keys that the footer
/// in front of them names: intake, accept, verify as a breach (confirmed once), rectification, resolve,
/// respond, follow-up, then the breach reported, accountability and the rectification done, reached
/// through the complaint's record and its links. The ledger is then checked through the CLI.
@Suite(.serialized) struct ComplaintChainTmuxTests {
    init() { _ = Width.ensureLocale() }

    struct Stop: Error, CustomStringConvertible { let description: String }

    final class Walk {
        let t: DashboardTmux
        init(_ t: DashboardTmux) { self.t = t }

        var footer: String { DashboardSupport.normalise(t.capture()).last ?? "" }

        /// Waits for the footer to offer `hint` (e.g. "s 受理"), then presses `key`.
        func press(_ key: String, shown hint: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let (ok, screen) = t.waitFor(timeout: 5) { (DashboardSupport.normalise($0).last ?? "").contains(hint) }
            guard ok else {
                Issue.record("the footer does not offer “\(hint)” before pressing \(key):\n\(screen)", sourceLocation: sourceLocation)
                throw Stop(description: "no \(hint)")
            }
            try t.send(key)
        }

        func type(_ text: String) throws { try t.send("-l", text) }

        @discardableResult
        func expect(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let (ok, screen) = t.waitFor(timeout: 5) { $0.contains(text) }
            guard ok else {
                Issue.record("“\(text)” did not appear:\n\(screen)", sourceLocation: sourceLocation)
                throw Stop(description: "no \(text)")
            }
            return screen
        }

        /// Moves the cursor down until the footer offers to open a record whose id starts with `prefix`.
        func moveTo(link prefix: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            for _ in 0..<40 {
                if footer.contains("Enter 打开 \(prefix)") { return }
                try press("j", shown: "j/k 移动", sourceLocation: sourceLocation)
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("no row leads to \(prefix):\n\(t.capture())", sourceLocation: sourceLocation)
            throw Stop(description: "no link \(prefix)")
        }
    }

    @Test func theWholeChainAt80x24WithTheKeysTheFootersShow() throws {
        let t = try DashboardTmux(width: 80, height: 24)
        defer { t.kill() }
        let w = Walk(t)
        _ = t.waitFor(timeout: 10) { DashboardTmux.panesVisible($0) }

        try w.press("a", shown: "a 登记")
        try w.expect("登记投诉")
        for _ in 0..<3 { try w.press("Tab", shown: "Tab/↓ 下一项") }
        try w.type("王五")
        for _ in 0..<2 { try w.press("Tab", shown: "Tab/↓ 下一项") }
        try w.type("任店")
        for _ in 0..<3 { try w.press("Tab", shown: "Tab/↓ 下一项") }
        try w.type("工程款逾期未付")
        try w.press("C-s", shown: "Ctrl-S 保存")
        let saved = try w.expect("已登记 TS-")
        let message = try #require(saved.split(separator: "\n").first { $0.contains("已登记 TS-") }.map(String.init))
        let id = try #require(message.range(of: #"TS-\d{4}-\d{6}"#, options: .regularExpression).map { String(message[$0]) })

        try w.press("s", shown: "s 受理")
        try w.expect("受理 \(id)")
        try w.press("C-s", shown: "Ctrl-S 确定")
        try w.expect("已受理，须于")

        try w.press("h", shown: "h 核实")
        try w.expect("核实 \(id)")
        try w.press("Right", shown: "←/→ 选择")
        try w.press("Tab", shown: "Tab/↓ 下一项")
        try w.press("3", shown: "数字 直选")
        try w.press("Tab", shown: "Tab/↓ 下一项")
        try w.type("属实：未按合同付款")
        try w.press("C-s", shown: "Ctrl-S 确定")
        try w.expect("认定后不能撤销")
        try w.press("Enter", shown: "Enter/y 确定")
        try w.expect("请填写整改")
        try w.press("Tab", shown: "Ctrl-S 确定")
        try w.type("限期支付")
        try w.press("C-s", shown: "Ctrl-S 确定")
        try w.expect("已移送整改 ZG-")

        try w.press("b", shown: "b 办结")
        try w.type("已付清")
        try w.press("C-s", shown: "Ctrl-S 确定")
        try w.expect("已办结，须于")
        try w.press("f", shown: "f 反馈")
        try w.type("已电话告知")
        try w.press("C-s", shown: "Ctrl-S 确定")
        try w.expect("已反馈")

        // Answered, the complaint leaves the pane: the search finds it, Enter opens it.
        try w.press(":", shown: ": 搜索")
        try w.type(id)
        try w.press("Enter", shown: "Enter 搜索/打开")
        try w.expect("投诉 \(id) 已反馈")
        try w.press("Enter", shown: "Enter 搜索/打开")
        try w.expect("由此认定")
        try w.press("m", shown: "m 回访")
        try w.press("C-s", shown: "Ctrl-S 确定")
        try w.expect("已回访")

        // The complaint's record leads to its breach, and the breach to its rectification.
        try w.moveTo(link: "SX-")
        try w.press("Enter", shown: "Enter 打开 SX-")
        try w.expect("来自投诉：\(id)")
        try w.press("u", shown: "u 上报")
        try w.press("C-s", shown: "Ctrl-S 确定")
        try w.expect("已报县委县政府")
        try w.press("z", shown: "z 问责")
        try w.type("任店镇主要负责人")
        try w.press("C-s", shown: "Ctrl-S 确定")
        try w.expect("登记后不能撤销")
        try w.press("Enter", shown: "Enter/y 确定")
        try w.expect("已登记问责 WZ-")
        try w.moveTo(link: "ZG-")
        try w.press("Enter", shown: "Enter 打开 ZG-")
        try w.expect("整改 ZG-")
        try w.press("w", shown: "w 整改完成")
        try w.press("C-s", shown: "Ctrl-S 确定")
        try w.expect("整改已完成")

        // Back out: Esc returns through the breach to the complaint; q closes; q on the panes quits.
        try w.press("Escape", shown: "Esc 返回")
        try w.expect("失信 SX-")
        try w.press("q", shown: "q 关闭")
        _ = t.waitFor(timeout: 5) { DashboardTmux.panesVisible($0) }
        // The footer at 80 columns has no room for q; "? 更多" leads to the help, which lists it.
        try w.press("?", shown: "? 更多")
        try w.expect("此处可用（2 投诉举报面板）")
        try w.press("PageDown", shown: "PgDn/PgUp 翻页")
        try w.expect("退出程序（只在面板上")
        try w.press("Escape", shown: "Esc/q 关闭")
        _ = t.waitFor(timeout: 5) { !$0.contains("此处可用") }
        try t.send("q")
        #expect(t.waitForExit(timeout: 5) == "EXIT=0")

        let shown = try t.demo.cli(["complaint", "show", id, "--json"])
        let c = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any], "\(shown)")
        #expect(c["response"] as? String == "已电话告知" && c["result"] as? String == "已付清" && c["breach"] as? Bool == true)
        #expect(c["satisfied"] as? Bool == true)
        let breaches = try t.demo.cli(["breach", "list", "--json", "--department", "410422101"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(breaches.stdout.utf8)) as? [[String: Any]])
        let b = try #require(list.first { $0["complaint"] as? String == id }, "\(breaches.stdout)")
        #expect(b["category"] as? Int == 3 && b["reported_on"] as? String == DashboardSupport.today, "\(b)")
        let rect = try #require((b["rectifications"] as? [[String: Any]])?.first, "\(b)")
        #expect(rect["measures"] as? String == "限期支付" && rect["completed_on"] as? String == DashboardSupport.today, "\(rect)")
        #expect((b["accountability"] as? [[String: Any]])?.first?["target"] as? String == "任店镇主要负责人", "\(b)")
        #expect(try t.demo.cli(["audit", "verify"]).status == 0)
    }
}
