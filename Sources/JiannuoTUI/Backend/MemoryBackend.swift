/// A backend in memory for tests and headless rendering: keeps the last frame, replays
/// scripted keys. Like a terminal in cbreak mode, a scripted Ctrl-C does not arrive as a
/// key but raises `interruptRequested`.
public final class MemoryBackend: Backend {
    public var size: Size
    public private(set) var lastGrid: Grid?
    public private(set) var frameCount = 0
    public private(set) var interruptRequested = false
    public private(set) var isShutDown = false
    private var keys: [KeyEvent]

    public init(width: Int, height: Int, keys: [KeyEvent] = []) {
        self.size = Size(width: width, height: height)
        self.keys = keys
    }

    /// Adds keys to the end of the script.
    public func enqueue(_ more: [KeyEvent]) { keys.append(contentsOf: more) }

    /// Changes the size and queues `.resize`, as a terminal would.
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        keys.append(.resize)
    }

    public func requestInterrupt() { interruptRequested = true }

    public var pendingKeys: Int { keys.count }

    public func draw(_ grid: Grid) {
        lastGrid = grid
        frameCount += 1
    }

    /// The next scripted key; nil once the script is empty (the app would idle).
    public func readKey(timeoutMs: Int) -> KeyEvent? {
        guard !keys.isEmpty else { return nil }
        let k = keys.removeFirst()
        if k == .ctrl("c") {
            interruptRequested = true
            return nil
        }
        return k
    }

    /// The last frame as text (see `Grid.lines`), empty before the first frame.
    public func lines() -> [String] { lastGrid?.lines() ?? [] }

    public func shutdown() { isShutDown = true }
}
