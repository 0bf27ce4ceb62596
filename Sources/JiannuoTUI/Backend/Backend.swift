/// Terminal size in cells.
public struct Size: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) { self.width = width; self.height = height }
}

/// Where frames go and keys come from. The app's loop is written against this protocol so
/// it runs the same on ncurses (`CursesBackend`) and in tests (`MemoryBackend`).
///
/// Loop shape: `while !backend.interruptRequested { draw; if let k = readKey(timeoutMs: 200) … }`
/// — the timeout (or the database's descriptor) wakes the loop to pick up database changes and signals.
public protocol Backend: AnyObject {
    /// Current size; read it each frame (it changes after `.resize`).
    var size: Size { get }
    /// Shows `grid`, whose size should be `size`.
    func draw(_ grid: Grid)
    /// The next key, or nil after `timeoutMs` without one (or when interrupted).
    func readKey(timeoutMs: Int) -> KeyEvent?
    /// The same, also returning nil as soon as `descriptor` becomes readable (a database's
    /// announcement of a write), so that the loop need not wake on a short tick to look for one.
    func readKey(timeoutMs: Int, wakingOn descriptor: Int32?) -> KeyEvent?
    /// True once SIGINT/SIGTERM/SIGHUP (or Ctrl-C) asked the program to stop: the loop
    /// should leave, call `shutdown()` and exit 0.
    var interruptRequested: Bool { get }
    /// Restores the terminal. Safe to call more than once.
    func shutdown()
}

extension Backend {
    /// Backends without a terminal to wait on (tests) simply wait out the timeout.
    public func readKey(timeoutMs: Int, wakingOn descriptor: Int32?) -> KeyEvent? { readKey(timeoutMs: timeoutMs) }
}
