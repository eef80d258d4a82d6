import OneThingAccess
import Testing

/// Who may do what: every role's allowances, and every refusal with its kind (HTTP
/// status) and its reason in both languages.
struct AccessPolicyTests {
    static let window = AccessFixtures.principal("window-01", .window, seed: 1).0
    static let fireOfficer = AccessFixtures.principal("fire-01", .officer, department: "fire-rescue", seed: 2)
        .0
    static let fireSystem = AccessFixtures.principal(
        "fire-system", .departmentSystem, department: "fire-rescue", seed: 3
    ).0
    static let supervisor = AccessFixtures.principal("sup-01", .supervisor, seed: 4).0
    static let admin = AccessFixtures.principal("admin-01", .admin, seed: 5).0

    static let caseA = "C20261203-0001"
    static let caseB = "C20261203-0002"
    /// Case A has steps at market regulation and fire rescue.
    static let readA = AccessAction.readCase(caseA, departments: ["market-regulation", "fire-rescue"])
    /// Case B has none at fire rescue.
    static let readB = AccessAction.readCase(caseB, departments: ["market-regulation"])

    /// The kind of refusal, or `nil` when allowed.
    func refusal(_ caller: Caller, _ action: AccessAction) -> AccessRefusal.Kind? {
        guard case .refused(let refusal) = AccessPolicy.decide(caller, action) else { return nil }
        #expect(
            !refusal.reason.en.isEmpty && !refusal.reason.zh.isEmpty && refusal.reason.en != refusal.reason.zh
        )
        return refusal.kind
    }

    @Test func bundlesArePublicButAnUnknownTokenIsRefusedEverywhere() {
        #expect(refusal(.anonymous, .readBundles) == nil)
        #expect(refusal(.wrongAccessCode, .readBundles) == nil)
        #expect(refusal(.applicant(of: Self.caseA), .readBundles) == nil)
        for role in [Self.window, Self.fireOfficer, Self.supervisor, Self.admin] {
            #expect(refusal(.principal(role), .readBundles) == nil)
        }
        #expect(refusal(.unknownToken, .readBundles) == .unauthenticated)
    }

    @Test func noTokenIs401ForEverythingButBundles() {
        let actions: [AccessAction] = [
            .createCase, .listCases(department: nil), Self.readA, .actForApplicant(Self.caseA),
            .readTasks(department: "fire-rescue"), .claimTasks(department: "fire-rescue"),
            .decideTask(department: "fire-rescue"), .readSupervision, .escalate(Self.caseA), .manageBundles,
        ]
        for action in actions {
            #expect(refusal(.anonymous, action) == .unauthenticated, "\(action)")
            #expect(refusal(.unknownToken, action) == .unauthenticated, "\(action)")
            #expect(AccessRefusal.Kind.unauthenticated.httpStatus == 401)
        }
    }

    @Test func anotherDepartmentsTaskIs403() {
        for principal in [Self.fireOfficer, Self.fireSystem] {
            let caller = Caller.principal(principal)
            for action in [
                AccessAction.readTasks(department: "market-regulation"),
                .claimTasks(department: "market-regulation"), .decideTask(department: "market-regulation"),
                .listCases(department: "market-regulation"), Self.readB,
            ] {
                #expect(refusal(caller, action) == .forbidden, "\(principal.id) \(action)")
            }
            if case .refused(let refusal) = AccessPolicy.decide(caller, .decideTask(department: "tobacco")) {
                #expect(refusal.httpStatus == 403)
                #expect(
                    refusal.reason.en.contains("fire-rescue") && refusal.reason.zh.contains("fire-rescue"))
            } else {
                Issue.record("a fire officer decided a tobacco task")
            }
        }
    }

    @Test func aDepartmentWorksItsOwnTasksAndReadsTheCasesItIsIn() {
        for principal in [Self.fireOfficer, Self.fireSystem] {
            let caller = Caller.principal(principal)
            #expect(refusal(caller, .readTasks(department: "fire-rescue")) == nil)
            #expect(refusal(caller, .claimTasks(department: "fire-rescue")) == nil)
            #expect(refusal(caller, .decideTask(department: "fire-rescue")) == nil)
            #expect(refusal(caller, .listCases(department: "fire-rescue")) == nil)
            #expect(refusal(caller, Self.readA) == nil)
            // Beyond its role: all cases, creating, acting for applicants, supervision, bundles.
            for action in [
                AccessAction.listCases(department: nil), .createCase, .actForApplicant(Self.caseA),
                .readSupervision, .escalate(Self.caseA), .manageBundles,
            ] {
                #expect(refusal(caller, action) == .forbidden, "\(action)")
            }
        }
    }

    @Test func anApplicantReachesOnlyTheirOwnCaseAndAnotherIs404() {
        let applicant = Caller.applicant(of: Self.caseA)
        #expect(refusal(applicant, Self.readA) == nil)
        #expect(refusal(applicant, .actForApplicant(Self.caseA)) == nil)
        #expect(refusal(applicant, Self.readB) == .notFound)
        #expect(refusal(applicant, .actForApplicant(Self.caseB)) == .notFound)
        #expect(refusal(.wrongAccessCode, Self.readA) == .notFound)
        #expect(refusal(.wrongAccessCode, .actForApplicant(Self.caseA)) == .notFound)
        // The refusal of another case and of a wrong code are the same words: nothing
        // tells whether the case exists.
        #expect(
            AccessPolicy.decide(applicant, Self.readB) == AccessPolicy.decide(.wrongAccessCode, Self.readA))
        #expect(AccessRefusal.Kind.notFound.httpStatus == 404)
        // Staff work needs a staff token.
        for action in [
            AccessAction.createCase, .listCases(department: nil), .readTasks(department: "fire-rescue"),
            .readSupervision, .escalate(Self.caseA), .manageBundles,
        ] {
            #expect(refusal(applicant, action) == .forbidden, "\(action)")
            #expect(refusal(.wrongAccessCode, action) == .unauthenticated, "\(action)")
        }
    }

    @Test func windowStaffCreateCasesAndActForApplicantsButDecideNothing() {
        let window = Caller.principal(Self.window)
        for action in [
            AccessAction.createCase, .listCases(department: nil), .listCases(department: "tobacco"),
            Self.readA,
            Self.readB, .actForApplicant(Self.caseB),
        ] {
            #expect(refusal(window, action) == nil, "\(action)")
        }
        for action in [
            AccessAction.readTasks(department: "fire-rescue"), .claimTasks(department: "fire-rescue"),
            .decideTask(department: "fire-rescue"), .readSupervision, .escalate(Self.caseA), .manageBundles,
        ] {
            #expect(refusal(window, action) == .forbidden, "\(action)")
        }
    }

    @Test func supervisorsReadEverythingAndEscalateButDecideNothing() {
        let supervisor = Caller.principal(Self.supervisor)
        for action in [
            AccessAction.listCases(department: nil), Self.readA, Self.readB,
            .readTasks(department: "tobacco"),
            .readSupervision, .escalate(Self.caseB),
        ] {
            #expect(refusal(supervisor, action) == nil, "\(action)")
        }
        for action in [
            AccessAction.createCase, .actForApplicant(Self.caseA), .claimTasks(department: "tobacco"),
            .decideTask(department: "tobacco"), .manageBundles,
        ] {
            #expect(refusal(supervisor, action) == .forbidden, "\(action)")
        }
    }

    @Test func adminsManageBundlesAndReadNoCase() {
        let admin = Caller.principal(Self.admin)
        #expect(refusal(admin, .manageBundles) == nil)
        for action in [
            AccessAction.createCase, Self.readA, .listCases(department: nil), .readSupervision,
            .readTasks(department: "tobacco"),
        ] {
            #expect(refusal(admin, action) == .forbidden, "\(action)")
        }
        #expect(throws: AccessRefusal.self) { try AccessPolicy.require(admin, .createCase) }
        #expect(throws: Never.self) { try AccessPolicy.require(admin, .manageBundles) }
    }

    @Test func decisionsAreRecordedUnderWhoMadeThem() {
        #expect(Caller.principal(Self.fireOfficer).recordedAs == "fire-01")
        #expect(Caller.applicant(of: Self.caseA).recordedAs == "applicant")
        #expect(Caller.anonymous.recordedAs == nil)
        #expect(Caller.unknownToken.recordedAs == nil)
    }
}
