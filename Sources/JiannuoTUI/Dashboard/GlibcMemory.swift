/// glibc's allocator controls, which its Swift module does not export (they live in <malloc.h>).
/// A long-running dashboard decodes large reads on worker threads; without these, each thread's arena
/// keeps the peak of the largest load resident for as long as the program runs.
enum GlibcMemory {
    #if os(Linux)
    @_silgen_name("mallopt") private static func mallopt(_ param: Int32, _ value: Int32) -> Int32
    @_silgen_name("malloc_trim") private static func mallocTrim(_ pad: Int) -> Int32
    private static let arenaMax: Int32 = -8   // M_ARENA_MAX
    #endif

    /// All threads allocate from one arena.
    static func oneArena() {
        #if os(Linux)
        _ = mallopt(arenaMax, 1)
        #endif
    }

    /// Returns freed memory at the top of the heaps to the system.
    static func trim() {
        #if os(Linux)
        _ = mallocTrim(0)
        #endif
    }
}
