import OneThingPages
import Testing

/// The routes the pages link to and post to.
struct PageRoutesTests {
    @Test func aTaskKeyTravelsAsOnePathSegment() {
        let routes = PageRoutes()
        #expect(
            routes.claim("C20260302-0001/food-permit/1", department: "market-regulation")
                == "/v1/departments/market-regulation/tasks/C20260302-0001%2Ffood-permit%2F1/claim")
        #expect(
            routes.decision("C20260302-0001/food-permit/1", department: "market-regulation")
                == "/v1/departments/market-regulation/tasks/C20260302-0001%2Ffood-permit%2F1/decision")
        #expect(PageRoutes.segment("a b/中") == "a%20b%2F%E4%B8%AD")
    }

    @Test func theApplicantsLinksCarryTheirQuery() {
        let routes = PageRoutes(prefix: "/v1", applicantQuery: "code=ab12")
        #expect(routes.events(of: "C20260302-0001") == "/v1/cases/C20260302-0001/events?code=ab12")
        #expect(routes.notice(of: "C20260302-0001") == "/v1/cases/C20260302-0001/notice?code=ab12")
        #expect(PageRoutes().events(of: "C1") == "/v1/cases/C1/events")
    }
}
