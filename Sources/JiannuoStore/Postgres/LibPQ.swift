import CLibPQ
import Foundation

/// libpq's functions, looked up in the library when a PostgreSQL ledger is first asked for. A SQLite
/// command never loads it: linked, libpq and the twenty libraries it brings (Kerberos, LDAP, TLS, …) were
/// mapped and relocated at the start of every command, a good part of a one-write process's time.
/// Each `static let` is resolved once, on first use, thread-safely.
enum LibPQ {
    #if os(macOS)
    static let file = "libpq.5.dylib"
    #else
    static let file = "libpq.so.5"
    #endif

    // Set once, never changed: the handle is only read.
    nonisolated(unsafe) private static let loaded: Result<UnsafeMutableRawPointer, PGError> = {
        if let handle = dlopen(file, RTLD_NOW | RTLD_LOCAL) { return .success(handle) }
        let why = dlerror().map { String(cString: $0) } ?? file
        return .failure(PGError(sqlState: nil, message: "无法载入 PostgreSQL 客户端库（\(why)）：请安装 libpq5 / cannot load the PostgreSQL client library (\(why)): install libpq5"))
    }()

    /// Opens the library, or says why it cannot: asked before any function below is called.
    static func require() throws { _ = try loaded.get() }

    private static func symbol<F>(_ name: String, as type: F.Type = F.self) -> F {
        // `require` has opened the library; a function missing from it is a libpq older than the pipeline mode (14).
        guard case .success(let handle) = loaded, let address = dlsym(handle, name) else {
            fatalError("libpq: \(name) is missing from \(file) (libpq 14 or newer is needed)")
        }
        return unsafeBitCast(address, to: F.self)
    }

    typealias Conn = OpaquePointer
    typealias Res = OpaquePointer

    static let PQconnectdbParams: @convention(c) (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?, Int32) -> Conn?
        = symbol("PQconnectdbParams")
    static let PQstatus: @convention(c) (Conn?) -> ConnStatusType = symbol("PQstatus")
    static let PQerrorMessage: @convention(c) (Conn?) -> UnsafeMutablePointer<CChar>? = symbol("PQerrorMessage")
    static let PQfinish: @convention(c) (Conn?) -> Void = symbol("PQfinish")
    static let PQsetNoticeProcessor: @convention(c) (Conn?, PQnoticeProcessor?, UnsafeMutableRawPointer?) -> PQnoticeProcessor?
        = symbol("PQsetNoticeProcessor")
    static let PQsocket: @convention(c) (Conn?) -> Int32 = symbol("PQsocket")
    static let PQconsumeInput: @convention(c) (Conn?) -> Int32 = symbol("PQconsumeInput")
    static let PQnotifies: @convention(c) (Conn?) -> UnsafeMutablePointer<PGnotify>? = symbol("PQnotifies")
    static let PQfreemem: @convention(c) (UnsafeMutableRawPointer?) -> Void = symbol("PQfreemem")

    static let PQexec: @convention(c) (Conn?, UnsafePointer<CChar>?) -> Res? = symbol("PQexec")
    static let PQexecParams: @convention(c) (Conn?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
                                             UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32) -> Res? = symbol("PQexecParams")
    static let PQsendQueryParams: @convention(c) (Conn?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?,
                                                  UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32) -> Int32 = symbol("PQsendQueryParams")
    static let PQenterPipelineMode: @convention(c) (Conn?) -> Int32 = symbol("PQenterPipelineMode")
    static let PQexitPipelineMode: @convention(c) (Conn?) -> Int32 = symbol("PQexitPipelineMode")
    static let PQpipelineSync: @convention(c) (Conn?) -> Int32 = symbol("PQpipelineSync")
    static let PQgetResult: @convention(c) (Conn?) -> Res? = symbol("PQgetResult")

    static let PQresultStatus: @convention(c) (Res?) -> ExecStatusType = symbol("PQresultStatus")
    static let PQresultErrorMessage: @convention(c) (Res?) -> UnsafeMutablePointer<CChar>? = symbol("PQresultErrorMessage")
    static let PQresultErrorField: @convention(c) (Res?, Int32) -> UnsafeMutablePointer<CChar>? = symbol("PQresultErrorField")
    static let PQclear: @convention(c) (Res?) -> Void = symbol("PQclear")
    static let PQntuples: @convention(c) (Res?) -> Int32 = symbol("PQntuples")
    static let PQnfields: @convention(c) (Res?) -> Int32 = symbol("PQnfields")
    static let PQfname: @convention(c) (Res?, Int32) -> UnsafeMutablePointer<CChar>? = symbol("PQfname")
    static let PQftype: @convention(c) (Res?, Int32) -> Oid = symbol("PQftype")
    static let PQgetvalue: @convention(c) (Res?, Int32, Int32) -> UnsafeMutablePointer<CChar>? = symbol("PQgetvalue")
    static let PQgetisnull: @convention(c) (Res?, Int32, Int32) -> Int32 = symbol("PQgetisnull")

    static let PQputCopyData: @convention(c) (Conn?, UnsafePointer<CChar>?, Int32) -> Int32 = symbol("PQputCopyData")
    static let PQputCopyEnd: @convention(c) (Conn?, UnsafePointer<CChar>?) -> Int32 = symbol("PQputCopyEnd")
    static let PQgetCopyData: @convention(c) (Conn?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, Int32) -> Int32 = symbol("PQgetCopyData")
}

extension PostgresLedger {
    /// Starts opening libpq on another thread, for a command that will connect: its loading (4–6 ms, the
    /// twenty libraries it brings) then overlaps the parsing of the command line. Connecting waits for it.
    public static func loadClientEarly() {
        DispatchQueue.global(qos: .userInitiated).async { try? LibPQ.require() }
    }
}
