import AsyncHTTPClient
import NIOCore
import OneThingRuntime

extension HTTPClientRequest {
    /// A signed POST of `body` (JSON) to `url` under idempotency key `key`: the
    /// timestamp, the key and the HMAC-SHA256 signature over both (``DepartmentSignature``)
    /// in their headers. The one way the platform signs what it sends, to a department's
    /// system or to the e-licence service.
    static func signed(
        url: String, body: [UInt8], key: String, timestamp: Int64, secret: DepartmentSecret
    ) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: DepartmentSignature.keyHeader, value: key)
        request.headers.add(name: DepartmentSignature.timestampHeader, value: "\(timestamp)")
        request.headers.add(
            name: DepartmentSignature.signatureHeader,
            value: DepartmentSignature.sign(body, timestamp: timestamp, secret: secret))
        request.body = .bytes(ByteBuffer(bytes: body))
        return request
    }
}
