import JiannuoCore

/// No event after the office's today, in the engine: a row trigger on each table of `EventColumns`
/// refuses a day (`2026-12-07`) after today or a time (`2026-12-07T10:15:00+08:00`) after its end, in
/// the office's zone (a ledger setting) and by the server's clock, whoever writes the row.
enum PGEventsSQL {
    static func statements(schema: String) -> [String] {
        let s = PGSQL.quoted(schema)
        var out = [
            """
            CREATE FUNCTION \(s).jn_after_today(v text) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
            DECLARE zone text := coalesce((SELECT value FROM meta WHERE key = 'office_zone'), \(PGSQL.literal(Clock.defaultZone.identifier)));
                    today date := (clock_timestamp() AT TIME ZONE zone)::date;
            BEGIN
                IF v IS NULL THEN RETURN false; END IF;
                IF length(v) = 10 THEN RETURN v::date > today; END IF;
                RETURN v::timestamptz >= ((today + 1)::timestamp AT TIME ZONE zone);
            END $$
            """,
        ]
        for (table, columns) in EventColumns.happened.sorted(by: { $0.key < $1.key }) {
            let checks = columns.map { c in
                "IF jn_after_today(NEW.\(PGSQL.quoted(c))) THEN RAISE EXCEPTION 'jiannuo: %.% is after today (%): an event cannot be dated in the future', TG_TABLE_NAME, \(PGSQL.literal(c)), NEW.\(PGSQL.quoted(c)) USING ERRCODE = 'check_violation'; END IF;"
            }.joined(separator: "\n    ")
            out.append("""
                CREATE FUNCTION \(s).jn_not_future_\(table)() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
                BEGIN
                    \(checks)
                    RETURN NEW;
                END $$
                """)
            out.append("CREATE TRIGGER jn_not_future BEFORE INSERT OR UPDATE ON \(s).\(PGSQL.quoted(table)) FOR EACH ROW EXECUTE FUNCTION \(s).jn_not_future_\(table)()")
        }
        return out
    }
}
