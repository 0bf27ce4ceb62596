import JiannuoCore

/// Draws the intake form over the whole screen below the header.
enum IntakeView {
    static let labelWidth = 10

    static func draw(_ g: inout Grid, _ form: IntakeForm, names: [String: String]) {
        let rect = Rect(x: 0, y: 1, width: g.width, height: max(0, g.height - 2))
        g.fill(rect)
        let inner = g.box(rect, title: " 登记投诉 ", role: .borderFocused)
        guard inner.width > labelWidth + 4, inner.height > 4 else { return }
        let x0 = inner.x + 1, vx = inner.x + 1 + labelWidth, vw = inner.maxX - vx - 1
        var y = inner.y
        for f in IntakeForm.Field.allCases where f != .content {
            guard y < inner.maxY else { break }
            let focused = form.focus == f
            _ = g.put((focused ? "▸" : " ") + f.label, x: x0, y: y, role: focused ? .title : .muted, maxWidth: labelWidth)
            var used = 0
            switch f {
            case .channel: used = options(&g, IntakeForm.channels.map(\.label), form.channel, vx, y, vw, focused)
            case .urgency: used = options(&g, IntakeForm.urgencies.map(\.label), form.urgency, vx, y, vw, focused)
            case .category:
                used = options(&g, IntakeForm.categories.map { $0 == 0 ? "不填" : "\($0) \(Category.label($0))" }, form.category, vx, y, vw, focused)
            default:
                let editor = form.editors[f] ?? LineEditor()
                let fieldWidth = min(vw, 28)
                g.fill(Rect(x: vx, y: y, width: fieldWidth, height: 1), role: focused ? .inputFieldFocused : .inputField)
                let slice = editor.visibleSlice(width: fieldWidth - 1)
                _ = g.put(slice.text, x: vx, y: y, role: focused ? .inputFieldFocused : .inputField, maxWidth: fieldWidth)
                if focused { g.cursor = (vx + slice.cursorX, y) }
                used = fieldWidth
                if f == .commitment && !form.commitmentHints.isEmpty {
                    used += g.put(" " + form.commitmentHints.prefix(3).joined(separator: "  "), x: vx + used, y: y, role: .muted,
                                  maxWidth: max(0, vw - used))
                }
                if f == .department {
                    let matches = form.departmentMatches(names)
                    let hint = matches.isEmpty ? "" : matches.count == 1 ? "→ \(matches[0].name)（\(matches[0].code)）"
                        : "匹配 \(matches.count) 个：" + matches.prefix(4).map(\.name).joined(separator: "、")
                    used += g.put(" " + hint, x: vx + used, y: y, role: .muted, maxWidth: max(0, vw - used))
                }
            }
            if let e = form.errors[f] { _ = g.put(" ✗ " + e, x: vx + used, y: y, role: .inputError, maxWidth: max(0, vw - used)) }
            y += 1
        }
        guard y + 1 < inner.maxY else { return }
        let focused = form.focus == .content
        _ = g.put((focused ? "▸" : " ") + IntakeForm.Field.content.label, x: x0, y: y, role: focused ? .title : .muted, maxWidth: labelWidth)
        if let e = form.errors[.content] { _ = g.put("✗ " + e, x: vx, y: y, role: .inputError, maxWidth: vw) }
        y += 1
        let area = Rect(x: x0, y: y, width: inner.maxX - x0 - 1, height: inner.maxY - y - (form.confirmingCancel ? 1 : 0))
        guard area.height > 0, area.width > 2 else { return }
        g.fill(area, role: focused ? .inputFieldFocused : .inputField)
        let editor = form.editors[.content] ?? LineEditor(multiline: true)
        let wrapped = editor.wrapped(width: area.width - 1)
        let first = max(0, wrapped.cursorRow - area.height + 1)
        for (i, line) in wrapped.lines.dropFirst(first).prefix(area.height).enumerated() {
            _ = g.put(line, x: area.x, y: area.y + i, role: focused ? .inputFieldFocused : .inputField, maxWidth: area.width)
        }
        if focused { g.cursor = (area.x + wrapped.cursorX, area.y + wrapped.cursorRow - first) }
        if form.confirmingCancel {
            _ = g.put("放弃已输入的内容？ y 放弃  其他键 继续编辑", x: x0, y: inner.maxY - 1, role: .error, maxWidth: inner.width - 2)
        }
    }

    /// A one-line picker: the chosen option marked, the others muted.
    static func options(_ g: inout Grid, _ labels: [String], _ chosen: Int, _ x: Int, _ y: Int, _ width: Int, _ focused: Bool) -> Int {
        var used = 0
        for (i, l) in labels.enumerated() {
            let text = i == chosen ? "[\(l)]" : " \(l) "
            used += g.put(text, x: x + used, y: y, role: i == chosen ? (focused ? .selected : .title) : .muted, maxWidth: max(0, width - used))
        }
        return used
    }
}
