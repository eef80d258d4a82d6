import Foundation
import Hummingbird
import NIOCore
import OneThingDepartmentHTTP
import OneThingRuntime

extension FakeDepartment {
    /// Answers one signed request of the e-licence service (``MaterialRequest``): 401 when
    /// the signature does not hold, 503 for a share ``Faults/errors`` of requests, 404 (no
    /// record) for a share ``Faults/noRecord`` of materials, else 200 with a licence number
    /// (`FAKE-` and 16 hexadecimal digits, the same for the same case and material).
    func answerLicence(_ body: [UInt8], timestamp: String?, signature: String?) -> Response {
        let seen = state.withLock { state -> Int in
            state.tally.licenceRequests += 1
            return state.tally.licenceRequests
        }
        guard let timestamp, let signature, let seconds = Int64(timestamp),
            DepartmentSignature.isValid(signature, body: body, timestamp: seconds, secret: secret)
        else {
            state.withLock { $0.tally.forgedLicenceRequests += 1 }
            return Response(status: .unauthorized)
        }
        let request: MaterialRequest
        do {
            request = try JSONDecoder().decode(MaterialRequest.self, from: Data(body))
        } catch {
            return Response(status: .badRequest)
        }
        let key = "\(request.caseID)/\(request.material)"
        if StableHash.unit("\(key)#licence#\(seen)", seed: seed) < faults.errors {
            return Response(status: .serviceUnavailable)
        }
        if StableHash.unit("\(key)#record", seed: seed) < faults.noRecord {
            return Response(status: .notFound)
        }
        let answer = HTTPMaterialService.Answer(
            reference: "FAKE-" + StableHash.hex(StableHash.fnv1a(key, seed: seed)))
        do {
            let bytes = try JSONEncoder().encode(answer)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch {
            return Response(status: .internalServerError)
        }
    }
}
