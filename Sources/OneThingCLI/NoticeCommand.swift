import ArgumentParser
import Foundation
import OneThing
import OneThingPlan
import OneThingPresentation

/// `onething notice BUNDLE (--answers FILE | --case NAME) --format md|html`: the
/// one-time notice (一次性告知书) to the applicant.
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Write the one-time notice (一次性告知书) of one applicant's case, in Markdown or HTML.",
        discussion: """
            The letter tells the applicant once what they apply for, which items apply and \
            why, the materials to bring (and those not to bring, to follow later or to \
            replace by a commitment), where to go, the dates on the working-day calendar, \
            the fees, the legal basis and what happens next. It is written in Chinese \
            unless --lang en is given. The HTML file is self-contained and prints on A4. \
            Problems with the bundle or the answers are printed to standard error; exit \
            status 1 for those, 2 for a usage error or a path that cannot be read or written.
            """)

    /// The formats of the notice.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case md, html
    }

    @Argument(help: "The bundle file.")
    var bundle: String

    @OptionGroup
    var answers: AnswersOptions

    @Option(help: "The format of the notice: md (Markdown) or html.")
    var format: Format

    @OptionGroup
    var start: StartDateOption

    @Option(name: .customLong("lang"), help: "The language of the notice: zh (default) or en.")
    var language: LanguageOptions.Choice = .zh

    @Option(
        help: ArgumentHelp(
            "The catalogue folder (default: the nearest 'catalogue' folder).", valueName: "dir"))
    var catalogue: String?

    @Option(
        help: ArgumentHelp("Write the notice to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let language: Language = language == .zh ? .zh : .en
        let input = try PlanningInput.load(
            bundle: bundle, answers: answers.source, catalogue: catalogue, language: language)
        let schedule = try PlanningInput.schedule(input, start: start.date, language: language)
        let notice: NoticeDocument
        do {
            notice = try NoticeDocument(
                plan: input.plan, schedule: schedule, catalogue: input.loaded.catalogue, language: language)
        } catch {
            StandardError.writeLine("onething: " + error.message.text(in: language))
            throw ExitStatus.usageOrInputError
        }
        let text =
            switch format {
            case .md: NoticeMarkdownRenderer().render(notice)
            case .html: NoticeHTMLRenderer().render(notice)
            }
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            StandardError.writeLine(
                "onething: \(output): "
                    + (language == .zh
                        ? "无法写入文件（\(error.localizedDescription)）"
                        : "cannot write the file (\(error.localizedDescription))"))
            throw ExitStatus.usageOrInputError
        }
    }
}
