import JiannuoCore

/// Draws the intake form over the whole screen below the header.
enum IntakeView {
    /// The labels' column ("▸Complainant" is longer than "▸投诉人").
    static func labelColumn(_ l: Lang) -> Int { l == .zh ? 10 : 13 }

    static func draw(_ g: inout Grid, _ form: IntakeForm, names: [String: String], _ l: Lang = .zh) {
        let labelWidth = labelColumn(l)
        let rect = Rect(x: 0, y: 1, width: g.width, height: max(0, g.height - 2))
        g.fill(rect)
        let inner = g.box(rect, title: l(" 登记投诉 ", " Register a complaint "), role: .borderFocused)
        guard inner.width > labelWidth + 4, inner.height > 4 else { return }
        let x0 = inner.x + 1, vx = inner.x + 1 + labelWidth, vw = inner.maxX - vx - 1
        var y = inner.y
        for f in IntakeForm.Field.allCases where f != .content {
            guard y < inner.maxY else { break }
            let focused = form.focus == f
            _ = g.put((focused ? "▸" : " ") + f.label(l), x: x0, y: y, role: focused ? .title : .muted, maxWidth: labelWidth)
            var used = 0
            switch f {
            case .channel:
                used = PickerRow.draw(into: &g, labels: IntakeForm.channels.map { $0.label(l) }, chosen: form.channel, x: vx, y: y, width: vw, focused: focused)
            case .urgency:
                used = PickerRow.draw(into: &g, labels: IntakeForm.urgencies.map { $0.label(l) }, chosen: form.urgency, x: vx, y: y, width: vw, focused: focused)
            case .category:
                used = PickerRow.draw(into: &g, labels: IntakeForm.categories.map { $0 == 0 ? l("0 不填", "0 none") : "\($0) \(Category.label($0, l))" },
                                      chosen: form.category, x: vx, y: y, width: vw, focused: focused)
            default:
                let editor = form.editors[f] ?? LineEditor()
                let fieldWidth = min(vw, 28)
                g.fill(Rect(x: vx, y: y, width: fieldWidth, height: 1), role: focused ? .inputFieldFocused : .inputField)
                let slice = editor.visibleSlice(width: fieldWidth - 1)
                _ = g.put(slice.text, x: vx, y: y, role: focused ? .inputFieldFocused : .inputField, maxWidth: fieldWidth)
                if focused { g.cursor = (vx + slice.cursorX, y) }
                used = fieldWidth
                if f == .commitment {
                    // A suggestion is marked as one, and says which key takes it: it is never saved unless taken.
                    let hint = form.departmentMatches(names).count != 1 ? l("（先确定承办单位，再列出其未兑现承诺）", "(choose the unit first: its open commitments are then listed)")
                        : form.commitmentHints.isEmpty ? "" : l("建议：", "suggested: ") + form.commitmentHints.prefix(3).map { "\($0.id) \($0.counterparty)" }
                            .joined(separator: l("；", "; ")) + (focused ? l("（Ctrl-N 采用）", " (Ctrl-N takes it)") : "")
                    if !hint.isEmpty { used += g.put(" " + hint, x: vx + used, y: y, role: .muted, maxWidth: max(0, vw - used)) }
                }
                if f == .department {
                    let matches = form.departmentMatches(names)
                    let hint = matches.isEmpty ? "" : matches.count == 1 ? l("→ \(matches[0].name)（\(matches[0].code)）", "→ \(matches[0].name) (\(matches[0].code))")
                        : l("匹配 \(matches.count) 个：", "\(matches.count) match: ") + matches.prefix(4).map(\.name).joined(separator: l("、", ", "))
                    used += g.put(" " + hint, x: vx + used, y: y, role: .muted, maxWidth: max(0, vw - used))
                }
            }
            if let e = form.errors[f] { _ = g.put(" ✗ " + e, x: vx + used, y: y, role: .inputError, maxWidth: max(0, vw - used)) }
            y += 1
        }
        guard y + 1 < inner.maxY else { return }
        let focused = form.focus == .content
        _ = g.put((focused ? "▸" : " ") + IntakeForm.Field.content.label(l), x: x0, y: y, role: focused ? .title : .muted, maxWidth: labelWidth)
        if let e = form.errors[.content] { _ = g.put("✗ " + e, x: vx, y: y, role: .inputError, maxWidth: vw) }
        y += 1
        let area = Rect(x: x0, y: y, width: inner.maxX - x0 - 1, height: inner.maxY - y)
        guard area.height > 0, area.width > 2 else { return }
        g.fill(area, role: focused ? .inputFieldFocused : .inputField)
        let editor = form.editors[.content] ?? LineEditor(multiline: true)
        let wrapped = editor.wrapped(width: area.width - 1)
        let first = max(0, wrapped.cursorRow - area.height + 1)
        for (i, line) in wrapped.lines.dropFirst(first).prefix(area.height).enumerated() {
            _ = g.put(line, x: area.x, y: area.y + i, role: focused ? .inputFieldFocused : .inputField, maxWidth: area.width)
        }
        if focused { g.cursor = (area.x + wrapped.cursorX, area.y + wrapped.cursorRow - first) }
    }
}
