import NIOCore
import OneThingEvents
import PostgresNIO

extension StoreError {
    /// The error for `error` of the server at `address`, met while doing `action`
    /// (`appending 12 events`), with its SQLSTATE as the underlying code.
    ///
    /// Two writers of one case (a unique key taken, a serialization failure, a
    /// deadlock) are a ``StoreError/Kind/conflict``; a full disk or quota
    /// ``StoreError/Kind/full``; damaged data ``StoreError/Kind/corrupt``; a read-only
    /// server or a missing privilege ``StoreError/Kind/readOnly``; a refused or lost
    /// connection, a bad password, a missing database or a server shutting down
    /// ``StoreError/Kind/unavailable``.
    static func postgres(_ error: any Error, address: PostgresStoreAddress, doing action: String)
        -> StoreError
    {
        if let store = error as? StoreError { return store }
        if let transaction = error as? PostgresTransactionError {
            let inner =
                transaction.closureError ?? transaction.beginError ?? transaction.commitError
                ?? transaction.rollbackError
            if let inner { return postgres(inner, address: address, doing: action) }
        }
        let place = "\(address)"
        guard let psql = error as? PSQLError else {
            return StoreError(.unavailable, "\(place): \(action) failed: \(connectionFailure(error))")
        }
        if psql.code == .server, let state = psql.serverInfo?[.sqlState] {
            let message = psql.serverInfo?[.message] ?? "the server refused"
            let code = "SQLSTATE \(state)"
            let kind = kind(ofSQLState: state)
            var what = message
            switch state {
            case "28P01", "28000":
                what =
                    "the server refused the user \(address.username) (\(message)): check the user and password"
            case "3D000":
                what =
                    "the database \(address.database) does not exist (\(message)): create it, or name another"
            case "57P01", "57P02", "57P03":
                what = "the server is shutting down or starting up (\(message))"
            default:
                break
            }
            return StoreError(kind, "\(place): \(action) failed: \(what)", underlyingCode: code)
        }
        switch psql.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown,
            .poolClosed:
            let why = psql.underlying.map(connectionFailure) ?? "the connection was lost"
            return StoreError(.unavailable, "\(place): \(action) failed: \(why)")
        case .authMechanismRequiresPassword:
            return StoreError(
                .unavailable,
                "\(place): \(action) failed: the server asks for a password and the URL gives none"
                    + " (postgres://USER:PASSWORD@HOST:PORT/DATABASE)")
        case .saslError, .unsupportedAuthMechanism:
            return StoreError(
                .unavailable,
                "\(place): \(action) failed: logging in as \(address.username) failed (\(psql.code))")
        default:
            return StoreError(.unavailable, "\(place): \(action) failed: \(psql.code)")
        }
    }

    /// The kind of a failure with SQLSTATE `state`.
    static func kind(ofSQLState state: String) -> Kind {
        switch state {
        case "23505", "40001", "40P01": .conflict
        case "53100", "53400": .full
        case "XX001", "XX002": .corrupt
        case "25006", "42501": .readOnly
        case _ where state.hasPrefix("23") || state.hasPrefix("22"): .refused
        default: .unavailable
        }
    }

    /// A connection failure in plain words: refused, timed out, no such host.
    static func connectionFailure(_ error: any Error) -> String {
        if let psql = error as? PSQLError, let underlying = psql.underlying {
            return connectionFailure(underlying)
        }
        if let channel = error as? ChannelError, case .connectTimeout(let amount) = channel {
            return
                "no answer within \(amount.nanoseconds / 1_000_000_000) s (connect timeout): is the host right,"
                + " and does a firewall let the port through?"
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case 111: return "the connection was refused: no server listens on that port (is it started?)"
            case 110: return "the connection timed out"
            case 113, 101: return "the host cannot be reached"
            default: return "\(io)"
            }
        }
        let text = String(describing: error)
        if text.contains("connection refused") || text.contains("Connection refused") {
            return "the connection was refused: no server listens on that port (is it started?)"
        }
        return text
    }
}
