import JiannuoCore

/// No event after the office's today, and no step before the one it follows, in the engine: a row
/// trigger on each table of `EventColumns` refuses a day (`2026-12-07`) after today or a time
/// (`2026-12-07T10:15:00+08:00`) after its end, in the office's zone (a ledger setting) and by the
/// server's clock, and a changed step dated before the one it follows, whoever writes the row; and a
/// role whose every earlier claim waits (`ClaimPolicy.alwaysWaits`, a unit's liaison) sets no step to
/// an earlier day than today (its backdated step counts from its recording until the office confirms).
enum PGEventsSQL {
    static func statements(schema: String) -> [String] {
        let s = PGSQL.quoted(schema)
        var out = [
            // A day after `today`, or a time at or after `tomorrow` (the start of the office's next day).
            """
            CREATE FUNCTION \(s).jn_after_today(v text, today date, tomorrow timestamptz) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
                SELECT CASE WHEN v IS NULL THEN false WHEN length(v) = 10 THEN v::date > today ELSE v::timestamptz >= tomorrow END $$
            """,
            // Days compare as text; a time with its offset as the moment it names.
            """
            CREATE FUNCTION \(s).jn_before(a text, b text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
                SELECT CASE WHEN a IS NULL OR b IS NULL THEN false
                            WHEN length(a) = 10 AND length(b) = 10 THEN a < b
                            ELSE (CASE WHEN length(a) = 10 THEN a::date::timestamptz ELSE a::timestamptz END)
                                 < (CASE WHEN length(b) = 10 THEN b::date::timestamptz ELSE b::timestamptz END) END $$
            """,
        ]
        for (table, columns) in EventColumns.happened.sorted(by: { $0.key < $1.key }) {
            let future = columns.map { c in
                "IF jn_after_today(NEW.\(PGSQL.quoted(c)), today, tomorrow) THEN RAISE EXCEPTION 'jiannuo: %.% is after today (%): an event cannot be dated in the future', TG_TABLE_NAME, \(PGSQL.literal(c)), NEW.\(PGSQL.quoted(c)) USING ERRCODE = 'check_violation'; END IF;"
            }
            // Checked when the later step is set or moved, so that a row written before the rule stands until then.
            let order = (EventColumns.follows[table] ?? []).map { f -> String in
                let later = "NEW.\(PGSQL.quoted(f.later))", bound = "coalesce(\(f.earlier.map { "NEW.\(PGSQL.quoted($0))" }.joined(separator: ", ")))"
                return """
                    IF \(later) IS NOT NULL THEN
                            IF TG_OP = 'INSERT' THEN moved := true; ELSE moved := \(later) IS DISTINCT FROM OLD.\(PGSQL.quoted(f.later)); END IF;
                            IF moved AND jn_before(\(later), \(bound)) THEN
                                RAISE EXCEPTION 'jiannuo: %.% (%) is before the step it follows (%)', TG_TABLE_NAME, \(PGSQL.literal(f.later)), \(later), \(bound)
                                    USING ERRCODE = 'check_violation';
                            END IF;
                        END IF;
                    """
            }
            let earlier = columns.map { c in
                let v = "NEW.\(PGSQL.quoted(c))"
                return """
                    IF waits AND \(v) IS NOT NULL AND left(\(v), 10) < today::text AND (TG_OP = 'INSERT' OR \(v) IS DISTINCT FROM OLD.\(PGSQL.quoted(c))) THEN
                            RAISE EXCEPTION 'jiannuo: %.% (%) is before today: a unit''s own step about an earlier day waits for the office''s confirmation', TG_TABLE_NAME, \(PGSQL.literal(c)), \(v)
                                USING ERRCODE = 'check_violation';
                        END IF;
                    """
            }
            let checks = (future + order + earlier).joined(separator: "\n    ")
            out.append("""
                CREATE FUNCTION \(s).jn_not_future_\(table)() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
                DECLARE moved boolean;
                    waits boolean := \(PGClaimsSQL.member(schema: schema, PGClaimsSQL.waiting));
                    -- The office's today, by the server's clock, once per row.
                    zone text := coalesce((SELECT value FROM meta WHERE key = 'office_zone'), \(PGSQL.literal(Clock.defaultZone.identifier)));
                    today date := (clock_timestamp() AT TIME ZONE zone)::date;
                    tomorrow timestamptz := (today + 1)::timestamp AT TIME ZONE zone;
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
