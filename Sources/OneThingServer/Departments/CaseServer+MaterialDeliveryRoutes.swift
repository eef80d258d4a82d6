import Hummingbird
import OneThingDepartmentHTTP
import OneThingRuntime

extension CaseServer {
    /// The route of the material service's late deliveries: `POST /v1/materials/deliveries`
    /// with a signed ``OneThingDepartmentHTTP/MaterialDelivery``, the material a case
    /// waits for (its fetch failed and its fallback is `wait`) that the e-licence or
    /// shared-data service provides after all. Signed and checked as a department's
    /// callback is (``OneThingDepartmentHTTP/CallbackVerifier``, under the service's
    /// secret); the case must wait for the material. A repeated delivery is answered as
    /// the first was and recorded once.
    func addMaterialDeliveryRoutes(_ routes: RouteSet) {
        routes.add(.post, "/v1/materials/deliveries", "postMaterialDelivery") { request, context in
            let bytes = try await self.body.bytes(of: request)
            let signed = Self.signature(of: request)
            let receipt = try await self.takeDelivery(
                timestamp: signed.timestamp, signature: signed.signature, body: bytes)
            return try Response.json(receipt)
        }
    }

    /// What the platform answers a delivery it took.
    struct DeliveryReceipt: Encodable, Sendable {
        /// The delivery's id.
        var callbackId: String
        /// The case.
        var caseId: String
        /// The material.
        var material: String
        /// Whether the material was recorded now (`false` for a repeat).
        var recorded: Bool
        /// Whether the delivery repeats one taken before.
        var duplicate: Bool
    }

    /// Checks and takes a late delivery of the material service.
    ///
    /// - Throws: ``Problem`` for a refused delivery (``Problem/init(_:)-callback``), for a
    ///   case that does not wait for the material (409), an unknown case (404), or when
    ///   the engine cannot take it now.
    func takeDelivery(timestamp: String?, signature: String?, body: [UInt8]) async throws(Problem)
        -> DeliveryReceipt
    {
        // An unsigned request is refused as such first, whether or not a service delivers here.
        guard timestamp != nil, signature != nil else { throw Problem(CallbackRefusal(.unsigned)) }
        guard let verifier = configuration.deliveries else {
            throw Problem(CallbackRefusal(.noMaterialService))
        }
        let delivery: CallbackVerifier.VerifiedDelivery
        do throws(CallbackRefusal) {
            delivery = try verifier.verifyDelivery(
                from: ServerConfiguration.materialService, timestamp: timestamp, signature: signature,
                body: body)
        } catch {
            logger.notice("material delivery refused", metadata: ["reason": "\(error.code)"])
            throw Problem(error)
        }
        let receipt = DeliveryReceipt(
            callbackId: delivery.callbackID, caseId: delivery.caseID, material: delivery.material,
            recorded: !delivery.isDuplicate, duplicate: delivery.isDuplicate)
        guard !delivery.isDuplicate else { return receipt }
        do {
            try await engine.receive(delivery.material, reference: delivery.reference, for: delivery.caseID)
        } catch {
            // Refused or not stored: the same delivery may come again and be judged anew.
            verifier.release(delivery)
            logger.notice(
                "material delivery refused",
                metadata: [
                    "case": "\(delivery.caseID)", "material": "\(delivery.material)", "reason": "\(error)",
                ])
            throw Problem(error)
        }
        return receipt
    }
}
