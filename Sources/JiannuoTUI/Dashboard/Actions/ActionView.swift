import JiannuoCore

/// Draws a step's form as a box in the middle of the screen.
enum ActionView {
    static func draw(_ g: inout Grid, _ form: ActionForm, _ lang: Lang = .zh) {
        // English labels are longer ("▸Received from").
        let labelWidth = lang == .zh ? 12 : 15
        let multiline = form.inputs.filter { $0.editor.multiline && $0.options == nil }.count
        let height = min(g.height - 2, 4 + form.inputs.count + multiline * 3 + (form.error == nil ? 0 : 1))
        let width = min(g.width, 76)
        let rect = Rect(x: (g.width - width) / 2, y: max(1, (g.height - height) / 2), width: width, height: max(3, height))
        g.fill(rect)
        let inner = g.box(rect, title: " \(form.title) ", role: .borderFocused)
        guard inner.width > labelWidth + 4 else { return }
        let vx = inner.x + 1 + labelWidth, vw = inner.maxX - vx - 1
        var y = inner.y
        for (i, input) in form.inputs.enumerated() {
            guard y < inner.maxY - 1 else { break }
            let focused = i == form.focus
            _ = g.put((focused ? "▸" : " ") + input.label, x: inner.x + 1, y: y, role: focused ? .title : .muted, maxWidth: labelWidth)
            if let options = input.options {
                PickerRow.draw(into: &g, labels: options, chosen: input.choice, x: vx, y: y, width: vw, focused: focused)
                y += 1
            } else if input.editor.multiline {
                let area = Rect(x: vx, y: y, width: vw, height: min(4, inner.maxY - 1 - y))
                g.fill(area, role: focused ? .inputFieldFocused : .inputField)
                let w = input.editor.wrapped(width: max(1, vw - 1))
                let first = max(0, w.cursorRow - area.height + 1)
                for (k, line) in w.lines.dropFirst(first).prefix(area.height).enumerated() {
                    _ = g.put(line, x: vx, y: y + k, role: focused ? .inputFieldFocused : .inputField, maxWidth: vw)
                }
                if focused { g.cursor = (vx + w.cursorX, y + w.cursorRow - first) }
                y += area.height
            } else {
                g.fill(Rect(x: vx, y: y, width: vw, height: 1), role: focused ? .inputFieldFocused : .inputField)
                let slice = input.editor.visibleSlice(width: max(1, vw - 1))
                _ = g.put(slice.text, x: vx, y: y, role: focused ? .inputFieldFocused : .inputField, maxWidth: vw)
                if focused { g.cursor = (vx + slice.cursorX, y) }
                y += 1
            }
        }
        if let e = form.error { _ = g.put("✗ " + e, x: inner.x + 1, y: inner.maxY - 1, role: .inputError, maxWidth: inner.width - 2) }
    }
}
