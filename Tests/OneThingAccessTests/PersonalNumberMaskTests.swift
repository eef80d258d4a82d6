import OneThingAccess
import Testing

/// Masking identity and mobile numbers in text and in answers: real-shaped numbers
/// (valid check characters) are masked wherever they stand; text that only looks like
/// one is left as it is.
struct PersonalNumberMaskTests {
    // Identity numbers with valid check characters (GB 11643-1999's weights); the first
    // is the standard's own example.
    static let identityNumbers = [
        "11010519491231002X", "110101199003074514", "440304198511201235", "510107200002298768",
        "320583197806150038",
    ]

    @Test func anIdentityNumberKeepsItsFirstFourCharactersOnly() {
        #expect(PersonalNumberMask.masked("110101199003074514") == "1101**************")
        #expect(PersonalNumberMask.masked("11010519491231002X") == "1101**************")
        #expect(PersonalNumberMask.masked("11010519491231002x") == "1101**************")
        for number in Self.identityNumbers {
            let masked = PersonalNumberMask.masked(number)
            #expect(masked.count == 18 && masked.hasPrefix(String(number.prefix(4))))
            #expect(!masked.contains(String(number.dropFirst(6).prefix(8))))  // the birth date is gone
        }
    }

    @Test func numbersAreMaskedWhereverTheyStandInText() {
        let text = "申请人王芳，身份证号110101199003074514，电话13800138000；经办人ID:440304198511201235 tel+8613912345678."
        #expect(
            PersonalNumberMask.masked(text)
                == "申请人王芳，身份证号1101**************，电话138****8000；经办人ID:4403************** tel+86139****5678.")
        #expect(
            PersonalNumberMask.masked("call 138 0013 8000 or 139-1234-5678")
                == "call 138 **** 8000 or 139-****-5678")
        #expect(PersonalNumberMask.masked("13800138000") == "138****8000")
    }

    @Test func aMistypedIdentityNumberIsMaskedToo() {
        // One digit changed: the check character no longer fits, the owner is still named.
        #expect(PersonalNumberMask.masked("110101199003074515") == "1101**************")
    }

    @Test func textThatOnlyLooksLikeANumberIsLeftAsItIs() {
        let untouched = [
            "C20261203-0001",  // a case id
            "2026120312345678901",  // 19 digits: an order number
            "123456789012345678",  // 18 digits without a birth date in their place
            "110101199013074514",  // month 13
            "110101190002294514",  // 29 February of a year that had none
            "1101011990030745141",  // an identity number with a digit after it
            "11380013800",  // 11 digits, but not 1 then 3-9
            "1764748800000",  // a timestamp in milliseconds
            "138001380001",  // 12 digits
            "12800138000",  // 12 is no mobile prefix
            "138 0013 80001",  // the last group too long
            "138 0013-8000",  // mixed separators
            "用时 3 个工作日，承诺 11 个工作日",
        ]
        for text in untouched {
            #expect(PersonalNumberMask.masked(text) == text, "\(text)")
        }
    }

    @Test func answersAreMaskedValueByValue() {
        let answers = [
            "applicant.id_number": "510107200002298768", "applicant.phone": "15912345678",
            "venue.area_m2": "120", "business.name": "老王面馆",
        ]
        #expect(
            PersonalNumberMask.masked(answers) == [
                "applicant.id_number": "5101**************", "applicant.phone": "159****5678",
                "venue.area_m2": "120", "business.name": "老王面馆",
            ])
    }
}
