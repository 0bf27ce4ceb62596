import Foundation

/// The columns of one sheet, made once for all its rows: each key's place among a row's cells, the form
/// its cells are brought to, and how the file names it (for the problems).
public final class SheetLayout: Sendable {
    let index: [String: Int]
    let forms: [SheetCellForm]
    public let keys: [String]
    let headers: [String: String]

    public init(keys: [String], headers: [String: String]) {
        self.keys = keys
        self.headers = headers
        index = Dictionary(keys.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        forms = keys.map(SheetCellForm.of)
    }

    /// Where `key`'s cell is, if the sheet has the column.
    public func position(_ key: String) -> Int? { index[key] }
}

/// One row of an imported sheet (a 台账 file), read by column key, with its problems collected rather than thrown
/// at the first: the import reports every bad cell before writing anything.
public struct SheetRow {
    public let number: Int
    let layout: SheetLayout
    /// The row's cells in the layout's order, cleaned.
    private var cells: [String]
    var headers: [String: String] { layout.headers }
    public private(set) var problems: [SheetProblem] = []

    /// Each cell is cleaned once here (and a spreadsheet's date, time or amount brought to the program's
    /// form, `SheetCellForm`): checks and the record read the same cell several times. `cells` are in the
    /// layout's order, one per key.
    public init(number: Int, cells: [String], layout: SheetLayout) {
        self.number = number; self.layout = layout
        self.cells = cells.indices.map { layout.forms[$0].normalised(SheetRow.clean(cells[$0])) }
    }

    /// A row given as key and cell (its own layout).
    public init(number: Int, fields: [String: String], headers: [String: String]) {
        let keys = fields.keys.sorted()
        self.init(number: number, cells: keys.map { fields[$0] ?? "" }, layout: SheetLayout(keys: keys, headers: headers))
    }

    /// The cell as exported: a spreadsheet's protective apostrophe is taken off (`SpreadsheetCell`).
    public func text(_ key: String) -> String { layout.index[key].map { cells[$0] } ?? "" }
    public func optional(_ key: String) -> String? { let t = text(key); return t.isEmpty ? nil : t }

    /// Without the spreadsheet's apostrophe and surrounding blanks.
    static func clean(_ raw: String) -> String { SpreadsheetCell.restored(raw).trimmedBlanks }

    /// Runs a check of one cell, recording its reason if it fails.
    public mutating func check<T>(_ key: String, _ body: (String) throws -> T) -> T? {
        do { return try body(text(key)) } catch let e as JiannuoError {
            problems.append(SheetProblem(row: number, column: headers[key] ?? key, reason: e.text))
        } catch {
            problems.append(SheetProblem(row: number, column: headers[key] ?? key, reason: Text("\(error)", "\(error)")))
        }
        return nil
    }

    /// The same row with one cell read otherwise (the problems found so far kept).
    func with(_ key: String, _ value: String) -> SheetRow {
        if let i = layout.index[key] {
            var r = self
            r.cells[i] = layout.forms[i].normalised(SheetRow.clean(value))
            return r
        }
        var r = SheetRow(number: number, cells: [], layout: SheetLayout(keys: layout.keys + [key], headers: headers))
        r.cells = cells + [SheetCellForm.of(key).normalised(SheetRow.clean(value))]
        r.problems = problems
        return r
    }

    public mutating func fail(_ key: String, _ zh: String, _ en: String) {
        problems.append(SheetProblem(row: number, column: headers[key] ?? key, reason: Text(zh, en)))
    }
}

public struct SheetProblem: Sendable, Equatable {
    public var row: Int
    public var column: String
    public var reason: Text
    public init(row: Int, column: String, reason: Text) { self.row = row; self.column = column; self.reason = reason }
}
