// Records encode every key, writing null for an absent value, so that JSON output has stable keys
// (scripts can rely on `accepted_at` being there) and the database gets explicit NULLs.

extension Department {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code); try c.encode(name, forKey: .name); try c.encode(kind, forKey: .kind)
        try c.encode(active, forKey: .active); try c.encode(successor, forKey: .successor); try c.encode(mergedOn, forKey: .mergedOn)
        try c.encode(phone, forKey: .phone); try c.encode(email, forKey: .email); try c.encode(letter, forKey: .letter)
    }
}

extension Commitment {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(department, forKey: .department); try c.encode(kind, forKey: .kind)
        try c.encode(category, forKey: .category); try c.encode(counterparty, forKey: .counterparty)
        try c.encode(creditCode, forKey: .creditCode); try c.encode(content, forKey: .content); try c.encode(amount, forKey: .amount)
        try c.encode(made, forKey: .made); try c.encode(deadline, forKey: .deadline); try c.encode(status, forKey: .status)
        try c.encode(progress, forKey: .progress); try c.encode(procedures, forKey: .procedures)
        try c.encode(fulfilledOn, forKey: .fulfilledOn); try c.encode(deliveredOn, forKey: .deliveredOn)
        try c.encode(paymentDays, forKey: .paymentDays)
    }
}

extension Complaint {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(channel, forKey: .channel); try c.encode(received, forKey: .received)
        try c.encode(urgency, forKey: .urgency); try c.encode(complainant, forKey: .complainant); try c.encode(contact, forKey: .contact)
        try c.encode(department, forKey: .department); try c.encode(category, forKey: .category)
        try c.encode(commitment, forKey: .commitment); try c.encode(content, forKey: .content)
        try c.encode(acceptedAt, forKey: .acceptedAt); try c.encode(resolvedAt, forKey: .resolvedAt); try c.encode(result, forKey: .result)
        try c.encode(respondedAt, forKey: .respondedAt); try c.encode(response, forKey: .response)
        try c.encode(extensionDays, forKey: .extensionDays); try c.encode(extensionReason, forKey: .extensionReason)
        try c.encode(returnedFrom, forKey: .returnedFrom); try c.encode(returnedAt, forKey: .returnedAt)
        try c.encode(returnReason, forKey: .returnReason); try c.encode(verifiedAt, forKey: .verifiedAt)
        try c.encode(breach, forKey: .breach); try c.encode(finding, forKey: .finding); try c.encode(satisfied, forKey: .satisfied)
        try c.encode(followupNote, forKey: .followupNote); try c.encode(followupAt, forKey: .followupAt)
        try c.encode(extendedAt, forKey: .extendedAt); try c.encode(reopenedAt, forKey: .reopenedAt)
        try c.encode(acceptDue, forKey: .acceptDue); try c.encode(resolveDue, forKey: .resolveDue); try c.encode(respondDue, forKey: .respondDue)
        try c.encode(workOrder, forKey: .workOrder)
    }
}

extension Breach {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(department, forKey: .department); try c.encode(category, forKey: .category)
        try c.encode(commitment, forKey: .commitment); try c.encode(complaint, forKey: .complaint); try c.encode(date, forKey: .date)
        try c.encode(finding, forKey: .finding); try c.encode(reportedOn, forKey: .reportedOn)
    }
}

extension Rectification {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(breach, forKey: .breach); try c.encode(finding, forKey: .finding); try c.encode(unit, forKey: .unit)
        try c.encode(measures, forKey: .measures); try c.encode(opened, forKey: .opened); try c.encode(deadline, forKey: .deadline)
        try c.encode(completedOn, forKey: .completedOn)
    }
}

extension OpinionEvent {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(department, forKey: .department); try c.encode(date, forKey: .date)
        try c.encode(source, forKey: .source); try c.encode(title, forKey: .title); try c.encode(severity, forKey: .severity)
        try c.encode(handledOn, forKey: .handledOn); try c.encode(note, forKey: .note)
    }
}

extension Accountability {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(breach, forKey: .breach); try c.encode(complaint, forKey: .complaint)
        try c.encode(finding, forKey: .finding); try c.encode(targetKind, forKey: .targetKind); try c.encode(department, forKey: .department)
        try c.encode(official, forKey: .official); try c.encode(post, forKey: .post); try c.encode(target, forKey: .target)
        try c.encode(kind, forKey: .kind); try c.encode(date, forKey: .date)
    }
}

extension Escalation {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(record, forKey: .record); try c.encode(kind, forKey: .kind)
        try c.encode(department, forKey: .department); try c.encode(recipient, forKey: .recipient); try c.encode(date, forKey: .date)
        try c.encode(note, forKey: .note)
    }
}

extension InspectionRound {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(from, forKey: .from); try c.encode(to, forKey: .to)
        try c.encode(departments, forKey: .departments); try c.encode(inspectors, forKey: .inspectors)
    }
}
