import OneThingPages
import Testing

/// The routes the pages are served at, link to and post to.
struct PageRoutesTests {
    @Test func aTaskKeyTravelsAsOnePathSegment() {
        let routes = PageRoutes()
        #expect(routes.claim(department: "market-regulation") == "/departments/market-regulation/queue/claim")
        #expect(
            routes.claim("C20260302-0001/food-permit/1", department: "market-regulation")
                == "/departments/market-regulation/queue/C20260302-0001%2Ffood-permit%2F1/claim")
        #expect(
            routes.decision("C20260302-0001/food-permit/1", department: "market-regulation")
                == "/departments/market-regulation/queue/C20260302-0001%2Ffood-permit%2F1/decision")
        #expect(PageRoutes.segment("a b/中") == "a%20b%2F%E4%B8%AD")
    }

    @Test func thePagesAreTheirPatternsFilledIn() {
        let routes = PageRoutes()
        #expect(routes.queue(of: "fire-rescue") == "/departments/fire-rescue/queue")
        #expect(
            PageRoutes.fill(PageRoutes.Pattern.queue, ["department": "fire-rescue"])
                == routes.queue(of: "fire-rescue"))
        #expect(routes.supervision == PageRoutes.Pattern.supervision)
        #expect(routes.signIn == "/sign-in" && routes.signOut == "/sign-out")
    }

    @Test func theApplicantsLinksCarryTheirQuery() {
        let routes = PageRoutes(prefix: "/v1", applicantQuery: "code=ab12")
        #expect(routes.events(of: "C20260302-0001") == "/v1/cases/C20260302-0001/events?code=ab12")
        #expect(routes.casePage(of: "C20260302-0001") == "/cases/C20260302-0001?code=ab12")
        #expect(PageRoutes().events(of: "C1") == "/v1/cases/C1/events")
    }
}
