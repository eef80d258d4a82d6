import OneThingSource

extension WorkQueue {
    /// Why a work queue refused a worker's decision: a reason a caller can match (and
    /// map to HTTP: ``httpStatus``), with text in both languages.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// The reasons.
        public enum Reason: Sendable {
            /// No job has this key (never queued, or decided so long ago it is forgotten).
            case unknownKey
            /// The job waits in the queue: nobody has claimed it.
            case notClaimed
            /// Another worker holds the job.
            case claimedByAnother(worker: String)
            /// The worker's lease ran out and the job went back to the queue.
            case leaseExpired
            /// The engine no longer waits for this decision: the step was cancelled,
            /// the case was delivered or withdrawn, or the step was decided elsewhere.
            case withdrawn
            /// The job was decided (or is being decided) otherwise: another outcome, or
            /// another worker.
            case decidedOtherwise(AdapterOutcome)
            /// The department asked the applicant for a supplement; there is nothing to
            /// decide until it arrives.
            case awaitingSupplement
            /// A refusal or a supplement request must say why, for the applicant.
            case reasonRequired
            /// Outputs were named with a decision other than an approval.
            case outputsWithoutApproval
            /// The results of the case the decision reports cannot be recorded: an
            /// approval leaves out one a later step waits for, names a value its output
            /// does not declare, or a decision other than an approval names some.
            case results([CaseBlueprint.ResultProblem])
            /// The queue is not connected to an engine (``WorkQueue/connect(to:)``).
            case notConnected
            /// The engine could not take the decision now (its store failed, it is
            /// shutting down); the job stays claimed and the worker may try again.
            case unavailable(EngineError)
        }

        /// The job's key.
        public var key: String
        /// Why.
        public var reason: Reason

        /// Creates a refusal.
        public init(key: String, reason: Reason) {
            self.key = key
            self.reason = reason
        }

        /// The HTTP status a server answers with: 404 for an unknown key, 409 for a job
        /// not (or no longer) the worker's to decide, 422 for a decision without a
        /// reason, 503 when the engine cannot take it now.
        public var httpStatus: Int {
            switch reason {
            case .unknownKey: 404
            case .notClaimed, .claimedByAnother, .leaseExpired, .withdrawn, .decidedOtherwise,
                .awaitingSupplement:
                409
            case .reasonRequired, .outputsWithoutApproval, .results: 422
            case .notConnected, .unavailable: 503
            }
        }

        /// What went wrong, for the worker.
        public var text: LocalizedText {
            switch reason {
            case .unknownKey:
                .init(en: "no task has the key \(key)", zh: "没有键为 \(key) 的任务")
            case .notClaimed:
                .init(
                    en: "task \(key) is not claimed: claim it (activate) before deciding it",
                    zh: "任务 \(key) 尚未领取：请先领取再办理")
            case .claimedByAnother(let worker):
                .init(en: "task \(key) is claimed by \(worker)", zh: "任务 \(key) 已由 \(worker) 领取")
            case .leaseExpired:
                .init(
                    en: "your claim on task \(key) expired and it went back to the queue; claim it again",
                    zh: "您对任务 \(key) 的领取已超时，任务已退回队列，请重新领取")
            case .withdrawn:
                .init(
                    en:
                        "task \(key) was withdrawn: the step was cancelled, the case ended, or it was decided elsewhere",
                    zh: "任务 \(key) 已撤回：该环节已取消、办件已办结，或已在别处办理")
            case .decidedOtherwise(let outcome):
                .init(
                    en: "task \(key) was already decided otherwise (\(CaseRuntime.name(of: outcome)))",
                    zh: "任务 \(key) 已有不同的办理结果（\(CaseRuntime.name(of: outcome))）")
            case .awaitingSupplement:
                .init(
                    en:
                        "task \(key) waits for the applicant's supplement; decide it when the supplement arrives",
                    zh: "任务 \(key) 正在等待申请人补正，补正材料到达后再办理")
            case .reasonRequired:
                .init(
                    en: "a rejection or a supplement request must say why, for the applicant",
                    zh: "不予许可或要求补正时必须写明理由，以告知申请人")
            case .outputsWithoutApproval:
                .init(
                    en: "only an approval issues outputs: name them when you approve task \(key)",
                    zh: "只有准予许可时才出具证照：请在批准任务 \(key) 时填写")
            case .results(let problems):
                .init(
                    en: "the decision on task \(key) cannot record its results: "
                        + problems.map(\.description).joined(separator: "; "),
                    zh: "任务 \(key) 的决定无法记录办理结果："
                        + problems.map(\.text.zh).joined(separator: "；"))
            case .notConnected:
                .init(en: "the work queue is not connected to the engine", zh: "任务队列尚未连接到引擎")
            case .unavailable(let error):
                .init(
                    en: "the decision on task \(key) could not be recorded now (\(error)); try again",
                    zh: "任务 \(key) 的办理结果暂时无法记录（\(error)），请重试")
            }
        }

        public var description: String { text.en }
    }
}
