// For each step: title + text inside the lesson card without scrolling, every phone item shown;
// for each quiz question: the question and each choice within three lines.
#include "ui/content_fit.hpp"
#include "ui/screens/citizen/lesson_screen.hpp"
#include "ui/widgets/phone_illustration.hpp"
#include "ui/widgets/text.hpp"

namespace ui {

namespace {
const char* sizeWords(kiosk::TextSize s)
{
    switch (s) {
    case kiosk::TextSize::Large: return "cỡ chữ lớn";
    case kiosk::TextSize::ExtraLarge: return "cỡ chữ rất lớn";
    default: return "cỡ chữ vừa";
    }
}
} // namespace

std::vector<kiosk::Problem> checkContentFits(const kiosk::Runtime& rt, kiosk::TextSize size, kiosk::Lang lang, float width, float height)
{
    std::vector<kiosk::Problem> out;
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGuiContext* mine = ImGui::CreateContext();
    ImGui::SetCurrentContext(mine);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    Context ctx{rt.strings, rt.config, rt.catalogue};
    ctx.scale = layoutScale(width, height);
    ctx.portrait = isPortrait(width, height);
    ctx.lang = lang;
    FontSet fonts;
    std::string error;
    if (!fonts.build(io, ctx.scale, kiosk::textScale(size), allScreenText(rt.strings, rt.config, rt.catalogue), displayText(rt.strings), error)) {
        out.push_back({"(phông chữ)", 0, error});
    } else {
        ctx.fonts = fonts.fonts();
        unsigned char* px = nullptr;
        int tw = 0, th = 0;
        io.Fonts->GetTexDataAsAlpha8(&px, &tw, &th);
        ImGui::NewFrame();
        ImDrawList scratch(ImGui::GetDrawListSharedData());   // the phone is drawn here and thrown away
        const std::string where = std::string(" (") + sizeWords(size) + ", " + kiosk::langCode(lang) + ")";
        for (const kiosk::Lesson& l : rt.catalogue.lessons) {
            for (size_t i = 0; i < l.steps.size(); ++i) {
                const kiosk::Step& s = l.steps[i];
                LessonLayout L = LessonScreen::layout(ctx, l, static_cast<int>(i));
                float need = measureText(ctx.fonts.title, s.title.in(lang), L.wrapWidth).y + ctx.px(LessonScreen::kTitleGap) +
                             measureText(ctx.fonts.reading, s.text.in(lang), L.wrapWidth).y;
                if (need > L.textSize.y)
                    out.push_back({l.file, s.line, "bước " + std::to_string(i + 1) + ": chữ tràn khung (cần " + std::to_string(int(need)) +
                                                         " px, khung cao " + std::to_string(int(L.textSize.y)) + " px)" + where + ": hãy viết ngắn lại"});
                scratch._ResetForNewFrame();
                scratch.PushClipRectFullScreen();
                std::vector<kiosk::LocalText> labels = s.screen.items;
                for (const kiosk::PhoneElement& e : s.screen.elements) {
                    labels.push_back(e.label);
                    for (const std::string& c : e.choices) labels.push_back({c, ""});
                }
                for (const kiosk::LocalText& item : labels)
                    if (lang == kiosk::Lang::Vi)   // once per lesson, whichever language is measured
                    for (const std::string* label : {&item.vi, &item.en})
                        if (label->size() >= 3 && (label->compare(label->size() - 3, 3, "…") == 0 || label->compare(label->size() - 3, 3, "...") == 0))
                            out.push_back({l.file, s.line, "bước " + std::to_string(i + 1) + ": nhãn “" + *label +
                                                                 "” kết thúc bằng “…”: hình điện thoại phải ghi đúng và đủ chữ trên ứng dụng"});
                const PhoneFit fit = drawPhone(ctx, &scratch, s.screen, IM_COL32_BLACK, L.phonePos, L.phoneSize);
                const size_t parts = s.screen.items.size() + s.screen.elements.size();
                if (fit.shown < static_cast<int>(parts))
                    out.push_back({l.file, s.line, "bước " + std::to_string(i + 1) + ": hình điện thoại chỉ chứa được " + std::to_string(fit.shown) +
                                                         " trên " + std::to_string(parts) + " mục" + where});
                for (const std::string& label : fit.cut)
                    out.push_back({l.file, s.line, "bước " + std::to_string(i + 1) + ": nhãn “" + label +
                                                         "” không vừa một dòng trong hình điện thoại (bị cắt giữa từ)" + where + ": hãy viết ngắn lại"});
            }
            const float quizW = width - ctx.px(128) - ctx.px(32);
            for (size_t i = 0; i < l.quiz.size(); ++i) {
                const kiosk::QuizQuestion& q = l.quiz[i];
                if (measureText(ctx.fonts.title, q.question.in(lang), quizW).y > ctx.fonts.title->FontSize * 3.01f)
                    out.push_back({l.file, q.line, "câu hỏi " + std::to_string(i + 1) + " dài quá ba dòng" + where});
                const float choiceW = quizW - ctx.px(64) - 3 * ctx.px(24);
                for (size_t c = 0; c < q.choices.size(); ++c)
                    if (measureText(ctx.fonts.bodyBold, q.choices[c].in(lang), choiceW).y > ctx.fonts.bodyBold->FontSize * 3.01f)
                        out.push_back({l.file, q.line, "câu hỏi " + std::to_string(i + 1) + ", lựa chọn " + std::to_string(c + 1) + " dài quá ba dòng" + where});
            }
        }
        ImGui::EndFrame();
    }
    ImGui::DestroyContext(mine);
    ImGui::SetCurrentContext(previous);
    return out;
}

} // namespace ui
