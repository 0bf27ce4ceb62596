import CNCursesW
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import JiannuoCore

/// The real terminal, through ncursesw.
///
/// Frames are diffed against the previous one and only changed cells are written, so a
/// redraw every tick costs almost nothing and does not flicker over ssh.
public final class CursesBackend: Backend {
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Grid?
    private var pairs: ColorPairs
    private var roleAttributes: [Role: (attr_t, Int16)] = [:]
    private var ended = false
    public private(set) var interruptRequested = false
    /// Colours the terminal has (0 without colour support): pass it to `ThemeLoader.load`.
    public let colorCount: Int
    /// How roles look; setting it redraws everything on the next frame.
    public var theme: Theme {
        didSet { roleAttributes = [:]; previous = nil }
    }

    /// Takes over the terminal: setlocale → newterm (initscr without its exit on failure) → set_escdelay(25) → cbreak/noecho/keypad,
    /// colours with the terminal's defaults, hidden cursor, SIGINT/SIGTERM/SIGHUP caught.
    /// Throws (instead of letting ncurses exit the process) when stdin/stdout is not a
    /// terminal or TERM is unusable.
    public init(theme: Theme = .builtInDefault) throws {
        Width.ensureLocale()
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw JiannuoError(.usage, "界面需要在终端中运行（标准输入和输出必须是终端）",
                                     "the dashboard needs a terminal (stdin and stdout must be a tty)")
        }
        guard let w = jn_start_screen() else {
            throw JiannuoError(.usage, "无法识别终端类型（TERM），请设置为 xterm-256color 等",
                               "unknown terminal type (TERM); try TERM=xterm-256color")
        }
        window = w
        set_escdelay(25)                 // otherwise Esc waits a full second for a sequence
        cbreak()
        noecho()
        keypad(w, true)
        intrflush(w, false)
        curs_set(0)
        // Ctrl-S saves a form: the tty must not take it (and Ctrl-Q) for XON/XOFF flow control,
        // which would freeze the screen. ncurses restores the shell's settings at endwin.
        var tty = termios()
        if tcgetattr(0, &tty) == 0 {
            tty.c_iflag &= ~tcflag_t(IXON)
            tcsetattr(0, TCSANOW, &tty)
            def_prog_mode()
        }
        var count = 0
        if has_colors() {
            start_color()
            use_default_colors()         // -1 = the terminal's own colours, so themes can keep them
            count = Int(jn_colors())
        }
        colorCount = count
        pairs = ColorPairs(colors: count)
        self.theme = theme
        // After initscr, which installs its own handlers: ours only set a flag the loop sees.
        _ = jn_install_signal_handlers()
    }

    deinit { shutdown() }

    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    public func readKey(timeoutMs: Int) -> KeyEvent? {
        if jn_peek_signal() != 0 { interruptRequested = true; return nil }
        wtimeout(window, Int32(clamping: timeoutMs))
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if jn_peek_signal() != 0 { interruptRequested = true; return nil }
        // No key: a timeout, or a terminal that went away without a SIGHUP (a read at EOF or EIO returns
        // at once, and the loop would spin). Then quit as on a signal, keeping the draft.
        if result == ERR, Self.terminalGone() { interruptRequested = true; return nil }
        let key = CursesKeys.event(result: result, code: code)
        if key == .resize { previous = nil }   // the screen was cleared: repaint every cell
        return key
    }

    /// Waits on the terminal and `descriptor` together (poll), so a database's announcement wakes the
    /// loop at once. A key ncurses already holds is taken first: poll cannot see its buffer.
    public func readKey(timeoutMs: Int, wakingOn descriptor: Int32?) -> KeyEvent? {
        guard let descriptor else { return readKey(timeoutMs: timeoutMs) }
        if let key = readKey(timeoutMs: 0) { return key }
        if interruptRequested { return nil }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0), pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 2, Int32(clamping: timeoutMs))
        if fds[0].revents & Self.hangup != 0 { interruptRequested = true; return nil }
        // A key, a signal (resize comes as a key), or the database: take what the terminal has now.
        return readKey(timeoutMs: 0)
    }

    private static let hangup = Int16(POLLHUP | POLLERR | POLLNVAL)

    /// Whether the terminal behind standard input hung up (its pty closed) or is no longer there.
    private static func terminalGone() -> Bool {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) >= 0 else { return errno != EINTR }
        return fd.revents & hangup != 0
    }

    public func draw(_ grid: Grid) {
        guard !ended else { return }
        let rows = Int(getmaxy(window)), cols = Int(getmaxx(window))
        if let p = previous, p.width != grid.width || p.height != grid.height { previous = nil }
        if previous == nil { werase(window) }
        for change in FrameDiff.changes(from: previous, to: grid, columns: cols, rows: rows) {
            write(change.cell, x: change.x, y: change.y, lastColumn: change.clipped)
        }
        if let c = grid.cursor, c.x < cols, c.y < rows {
            curs_set(1)
            wmove(window, Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        // A write the terminal no longer takes: it went away.
        if wrefresh(window) == ERR, Self.terminalGone() { interruptRequested = true }
        previous = grid
    }

    private func write(_ cell: Cell, x: Int, y: Int, lastColumn: Bool) {
        let (attrs, pair) = attributes(cell.role)
        // A wide character that no longer fits (terminal narrower than the grid) becomes a space.
        let scalars = lastColumn ? [" "] : Array(cell.text.unicodeScalars.prefix(Int(CCHARW_MAX)))
        var wide: [wchar_t] = scalars.map { wchar_t(bitPattern: $0.value) } + [0]
        var cc = cchar_t()
        setcchar(&cc, &wide, attrs, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &cc)   // ERR at the bottom-right corner is harmless
    }

    private func attributes(_ role: Role) -> (attr_t, Int16) {
        if let a = roleAttributes[role] { return a }
        let a = pairs.attributes(for: theme[role])
        roleAttributes[role] = a
        return a
    }

    /// Restores the terminal (endwin). Call before exiting, also after an error; idempotent.
    public func shutdown() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
    }
}
