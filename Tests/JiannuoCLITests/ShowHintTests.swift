import Foundation
import JiannuoTestSupport
import Testing

@Suite("CLI: show speaks of its own options") struct ShowHintTests {
    @Test("complaint show hints at --reveal, not at the dashboard's v key")
    func revealHint() throws {
        let cli = try CLI()
        try cli.ok(["department", "add", "--code", "FGW", "--name", "县发改委", "--kind", "county-department"])
        let id = try #require(try cli.ok(["complaint", "add", "--channel", "hotline", "--department", "FGW", "--content", "x",
                                          "--contact", "13812345678"])["id"] as? String)
        let text = try cli.run(["complaint", "show", id]).stdout
        #expect(text.contains("--reveal") && !text.contains("v 显示") && text.contains("138****5678"), "\(text)")
    }
}
