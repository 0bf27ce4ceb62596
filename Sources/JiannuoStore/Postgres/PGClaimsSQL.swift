import JiannuoCore

/// Claimed and recorded days in the engine (`ClaimPolicy`, `EventRecording`): on every table of dated
/// events, a session that may not write as of another day (all but the owner and the roles Core's role
/// table lets do so) records an event at the server's time, never decides a claim on insert, decides one
/// only with the right to confirm and in its own name, and never moves what a recorded event claims; a
/// role whose every earlier claim waits (a unit's liaison) cannot record one about an earlier day that
/// does not wait, nor set a record's step to an earlier day (`PGEventsSQL`).
enum PGClaimsSQL {
    /// How far the program's clock may stand from the server's (hosts' clocks and a slow statement).
    static let skewSeconds = 300

    /// Whether the session's own account is directly a member of one of `roles`' groups.
    static func member(schema: String, _ roles: [AccountRole]) -> String {
        let names = roles.map { PGSQL.literal(PGSecurity.group(schema, $0)) }.joined(separator: ", ")
        guard !names.isEmpty else { return "false" }
        return """
            EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                             WHERE u.rolname = session_user AND g.rolname IN (\(names)))
            """
    }

    static func roles(with p: Permission) -> [AccountRole] { AccountRole.allCases.filter { RoleTable.permissions[$0]?.contains(p) == true } }

    static var waiting: [AccountRole] { AccountRole.allCases.filter { ClaimPolicy.alwaysWaits($0) } }

    static func statements(schema: String, owner: String) -> [String] {
        let s = PGSQL.quoted(schema)
        let free = "session_user = \(PGSQL.literal(owner)) OR \(member(schema: schema, roles(with: .writeOtherDay)))"
        let skew = "abs(extract(epoch FROM (%@::timestamptz - clock_timestamp()))) > \(skewSeconds)"
        func refuse(_ why: String, _ values: String = "") -> String {
            "RAISE EXCEPTION 'jiannuo: %: \(why)', TG_TABLE_NAME\(values) USING ERRCODE = 'check_violation';"
        }
        var out: [String] = []
        for (table, day) in ClaimColumns.claimedDay.sorted(by: { $0.key < $1.key }) {
            let d = PGSQL.quoted(day)
            out.append("""
                CREATE FUNCTION \(s).jn_claims_\(table)() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = \(s), pg_temp AS $$
                DECLARE
                    zone text := coalesce((SELECT value FROM meta WHERE key = 'office_zone'), \(PGSQL.literal(Clock.defaultZone.identifier)));
                    today text := ((clock_timestamp() AT TIME ZONE zone)::date)::text;
                BEGIN
                    IF \(free) THEN RETURN NEW; END IF;
                    IF TG_OP = 'INSERT' THEN
                        IF NEW.recorded_at IS NULL OR \(skew.replacingOccurrences(of: "%@", with: "NEW.recorded_at")) THEN
                            \(refuse("an event is recorded at the server''s time (recorded_at %)", ", NEW.recorded_at"))
                        END IF;
                        IF NEW.claim IS DISTINCT FROM 'pending' AND NEW.claim IS NOT NULL OR NEW.decided_by IS NOT NULL OR NEW.decided_at IS NOT NULL OR NEW.decision IS NOT NULL THEN
                            \(refuse("a claim is decided by the office after it is recorded, never with it"))
                        END IF;
                        IF \(member(schema: schema, waiting)) AND left(coalesce(NEW.claimed, NEW.\(d)), 10) < today AND NEW.claim IS DISTINCT FROM 'pending' THEN
                            \(refuse("a unit''s own claim about an earlier day waits for the office''s confirmation"))
                        END IF;
                        RETURN NEW;
                    END IF;
                    IF NEW.recorded_at IS DISTINCT FROM OLD.recorded_at OR NEW.claimed IS DISTINCT FROM OLD.claimed THEN
                        \(refuse("when an event was recorded and what it claims are never changed"))
                    END IF;
                    IF NEW.claim IS NOT DISTINCT FROM OLD.claim THEN
                        IF NEW.decided_by IS DISTINCT FROM OLD.decided_by OR NEW.decided_at IS DISTINCT FROM OLD.decided_at
                           OR NEW.decision IS DISTINCT FROM OLD.decision OR NEW.\(d) IS DISTINCT FROM OLD.\(d) THEN
                            \(refuse("a recorded event changes only when the office decides its claim"))
                        END IF;
                        RETURN NEW;
                    END IF;
                    IF OLD.claim IS DISTINCT FROM 'pending' OR NEW.claim NOT IN ('confirmed', 'rejected') THEN
                        \(refuse("only a waiting claim is decided, once"))
                    END IF;
                    IF NOT (\(member(schema: schema, roles(with: .claimConfirm)))) THEN
                        \(refuse("deciding a claim is the office''s (claim.confirm)"))
                    END IF;
                    IF NEW.decided_by IS DISTINCT FROM session_user::text OR NEW.decided_at IS NULL OR \(skew.replacingOccurrences(of: "%@", with: "NEW.decided_at")) THEN
                        \(refuse("a claim is decided in the deciding account''s name at the server''s time"))
                    END IF;
                    IF NEW.\(d) IS DISTINCT FROM OLD.\(d) AND NOT (NEW.claim = 'confirmed' AND NEW.\(d) = OLD.claimed) THEN
                        \(refuse("a confirmed event moves only to the day it claims"))
                    END IF;
                    RETURN NEW;
                END $$
                """)
            out.append("CREATE TRIGGER jn_claims BEFORE INSERT OR UPDATE ON \(s).\(PGSQL.quoted(table)) FOR EACH ROW EXECUTE FUNCTION \(s).jn_claims_\(table)()")
        }
        return out
    }
}
