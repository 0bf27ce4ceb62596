import Foundation

/// One row of an imported sheet (a 台账 file), read by column key, with its problems collected rather than thrown
/// at the first: the import reports every bad cell before writing anything.
public struct SheetRow {
    public let number: Int
    let fields: [String: String]
    let headers: [String: String]
    public private(set) var problems: [SheetProblem] = []

    /// Each cell is cleaned once here (and a spreadsheet's date, time or amount brought to the program's
    /// form, `SheetCellForm`): checks and the record read the same cell several times.
    public init(number: Int, fields: [String: String], headers: [String: String]) {
        self.number = number; self.headers = headers
        self.fields = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, SheetCellForm.of($0.key).normalised(SheetRow.clean($0.value))) })
    }

    /// The cell as exported: a spreadsheet's protective apostrophe is taken off (`SpreadsheetCell`).
    public func text(_ key: String) -> String { fields[key] ?? "" }
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
        var r = SheetRow(number: number, fields: fields.merging([key: value]) { _, new in new }, headers: headers)
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
