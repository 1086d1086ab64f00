// JSON and CSV renderings of a Report (nlohmann::ordered_json keeps the documented key order).
#include "kiosk/report/report_export.hpp"
#include "kiosk/common/private_file.hpp"
#include "kiosk/common/utf8.hpp"
#include <nlohmann/json.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace kiosk {

namespace {

using Json = nlohmann::ordered_json;

// Percentages are shown to one decimal place everywhere (JSON, CSV and the workbook agree).
double oneDecimal(double v) { return std::round(v * 10.0) / 10.0; }

Json optionalNumber(const std::optional<double>& v) { return v ? Json(oneDecimal(*v)) : Json(nullptr); }

Json groups(const std::vector<GroupFigures>& list, const char* keyName, bool withLabel)
{
    Json out = Json::array();
    for (const GroupFigures& g : list) {
        Json j;
        j[keyName] = g.key;
        if (withLabel) j["label"] = g.label;
        j["sessions"] = g.sessions;
        j["citizens"] = g.citizens;
        out.push_back(std::move(j));
    }
    return out;
}

// A JSON string exactly as nlohmann's dump() writes it. The usual name or village (no quote,
// backslash or control character, valid UTF-8, which nlohmann accepts) is copied as it is; anything else goes
// through nlohmann itself, so the bytes (and a bad byte's exception) stay the library's.
void appendJsonString(std::string& out, std::string_view s)
{
    bool plain = true;
    bool ascii = true;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == '"' || c == '\\') {
            plain = false;
            break;
        }
        if (c >= 0x80) ascii = false;
    }
    if (plain && (ascii || utf8::isValid(s))) {
        out += '"';
        out += s;
        out += '"';
        return;
    }
    out += Json(std::string(s)).dump();
}

// The "lists" object as dump(2) lays it out at depth 1. Written by hand: a tree of 800,000
// ordered_json objects (and their copies) took four times as long as the whole report engine.
void appendLists(std::string& out, const std::vector<IndicatorFigures>& indicators)
{
    if (indicators.empty()) {
        out += "{}";
        return;
    }
    out += '{';
    bool firstList = true;
    for (const IndicatorFigures& i : indicators) {
        out += firstList ? "\n    " : ",\n    ";
        firstList = false;
        appendJsonString(out, i.code);
        out += ": ";
        if (i.list.empty()) {
            out += "[]";
            continue;
        }
        out += '[';
        bool firstRow = true;
        for (const ListEntry& e : i.list) {
            out += firstRow ? "\n      {\n        \"full_name\": " : ",\n      {\n        \"full_name\": ";
            firstRow = false;
            appendJsonString(out, e.fullName);
            out += ",\n        \"birth_year\": ";
            out += std::to_string(e.birthYear);
            out += ",\n        \"village\": ";
            appendJsonString(out, e.village);
            out += "\n      }";
        }
        out += "\n    ]";
    }
    out += "\n  }";
}

std::string numberText(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", oneDecimal(v));
    return buf;
}

// One CSV field. Text that a spreadsheet would run as a formula (= + - @ first, or a TAB or CR
// before one, which spreadsheets skip) gets a leading apostrophe: a village typed as
// "=HYPERLINK(...)" in an import, or sent by a kiosk as "\t=...", stays text.
std::string field(std::string_view s)
{
    std::string v(s);
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n\t") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

class CsvWriter {
public:
    CsvWriter() { m_out = "\xEF\xBB\xBF" "section,code,label,metric,value,full_name,birth_year,village\r\n"; }
    void figure(std::string_view section, std::string_view code, std::string_view label, std::string_view metric, const std::string& value)
    {
        m_out += field(section) + ',' + field(code) + ',' + field(label) + ',' + field(metric) + ',' + field(value) + ",,,\r\n";
    }
    void figure(std::string_view section, std::string_view code, std::string_view label, std::string_view metric, int64_t value)
    {
        figure(section, code, label, metric, std::to_string(value));
    }
    void listRow(std::string_view code, std::string_view label, const ListEntry& e)
    {
        m_out += "list," + field(code) + ',' + field(label) + ",,," + field(e.fullName) + ',' +
                 (e.birthYear > 0 ? std::to_string(e.birthYear) : std::string()) + ',' + field(e.village) + "\r\n";
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

} // namespace

std::string reportJson(const Report& r)
{
    Json j;
    j["commune"] = r.commune;
    j["period"] = {{"from", isoDate(r.period.first)}, {"to", isoDate(r.period.last)}, {"label", r.period.label}};
    j["sessions"] = r.sessions;
    j["anonymous_sessions"] = r.anonymousSessions;
    j["citizens"] = r.citizens;
    j["staff_active"] = r.staffActive;
    Json indicators = Json::array();
    for (const IndicatorFigures& i : r.indicators)
        indicators.push_back({{"code", i.code}, {"label", i.label}, {"sessions", i.sessions}, {"citizens", i.citizens}});
    j["indicators"] = std::move(indicators);
    // "lists" sits between "indicators" and "by_village": the document is dumped in two halves
    // around it (dump(2) of the head without its closing "\n}", of the tail without its "{").
    Json tail;
    tail["by_village"] = groups(r.byVillage, "village", false);
    Json villages = Json::array();
    for (const VillageFigures& v : r.villages)
        villages.push_back({{"village", v.village}, {"households", v.households}, {"households_reached", v.householdsReached},
                            {"households_vneid_dvc", v.householdsVneidDvc}, {"sessions", v.sessions}, {"citizens", v.citizens}});
    tail["villages"] = std::move(villages);
    Json team = Json::array();
    for (const TeamFigures& t : r.team)
        team.push_back({{"staff", t.staff}, {"village", t.village}, {"sessions", t.sessions}, {"households_reached", t.householdsReached}});
    tail["team"] = std::move(team);
    tail["by_staff"] = groups(r.byStaff, "staff", false);
    tail["by_gender"] = groups(r.byGender, "gender", true);
    tail["by_age_band"] = groups(r.byAgeBand, "band", true);
    Json lessons = Json::array();
    for (const LessonFigures& l : r.lessons)
        lessons.push_back({{"lesson", l.lesson}, {"title", l.title}, {"opened", l.opened}, {"completed", l.completed},
                           {"quiz_completed", l.quizCompleted}, {"quiz_average_percent", optionalNumber(l.quizAveragePercent)}});
    tail["lessons"] = {{"available", r.lessonsAvailable}, {"visits", r.visits}, {"items", std::move(lessons)}};
    Json targets = Json::array();
    for (const TargetProgress& t : r.targets)
        targets.push_back({{"code", t.code}, {"label", t.label}, {"of", t.of}, {"denominator", t.denominator},
                           {"target_percent", oneDecimal(t.targetPercent)},
                           {"target_count", t.targetCount ? Json(*t.targetCount) : Json(nullptr)}, {"achieved", t.achieved},
                           {"achieved_percent", optionalNumber(t.achievedPercent)}});
    tail["targets"] = {{"year", r.targetsYear},
                       {"from", isoDate(r.targetsFrom)},
                       {"to", isoDate(r.targetsTo)},
                       {"adult_population", r.adultPopulation},
                       {"households", r.households},
                       {"population", r.population},
                       {"items", std::move(targets)}};
    tail["warnings"] = r.warnings;
    const std::string head = j.dump(2), rest = tail.dump(2);
    size_t listRows = 0;
    for (const IndicatorFigures& i : r.indicators) listRows += i.list.size();
    std::string out;
    out.reserve(head.size() + rest.size() + listRows * 120 + 64);
    out.append(head, 0, head.size() - 2);
    out += ",\n  \"lists\": ";
    appendLists(out, r.indicators);
    out += ',';
    out.append(rest, 1, std::string::npos);
    out += '\n';
    return out;
}

std::string reportCsv(const Report& r)
{
    CsvWriter w;
    w.figure("report", "commune", "Đơn vị", "text", r.commune);
    w.figure("period", "from", r.period.label, "date", isoDate(r.period.first));
    w.figure("period", "to", r.period.label, "date", isoDate(r.period.last));
    w.figure("summary", "sessions", "Số lượt hỗ trợ", "count", r.sessions);
    w.figure("summary", "anonymous_sessions", "Lượt không lưu thông tin cá nhân", "count", r.anonymousSessions);
    w.figure("summary", "citizens", "Số người dân được hỗ trợ", "count", r.citizens);
    w.figure("summary", "staff_active", "Thành viên hoạt động", "count", r.staffActive);
    for (const IndicatorFigures& i : r.indicators) {
        w.figure("indicator", i.code, i.label, "sessions", i.sessions);
        w.figure("indicator", i.code, i.label, "citizens", i.citizens);
    }
    const std::pair<const char*, const std::vector<GroupFigures>*> breakdowns[] = {
        {"village", &r.byVillage}, {"staff", &r.byStaff}, {"gender", &r.byGender}, {"age_band", &r.byAgeBand}};
    for (const auto& [section, list] : breakdowns)
        for (const GroupFigures& g : *list) {
            w.figure(section, g.key, g.label, "sessions", g.sessions);
            w.figure(section, g.key, g.label, "citizens", g.citizens);
        }
    for (const VillageFigures& v : r.villages) {
        w.figure("households", v.village, v.village, "households", v.households);
        w.figure("households", v.village, v.village, "households_reached", v.householdsReached);
        w.figure("households", v.village, v.village, "households_vneid_dvc", v.householdsVneidDvc);
        w.figure("households", v.village, v.village, "sessions", v.sessions);
        w.figure("households", v.village, v.village, "citizens", v.citizens);
    }
    for (const TeamFigures& t : r.team) {
        w.figure("team", t.staff, t.village, "sessions", t.sessions);
        w.figure("team", t.staff, t.village, "households_reached", t.householdsReached);
    }
    if (r.lessonsAvailable) {
        w.figure("lessons", "visits", "Lượt sử dụng ki-ốt", "count", r.visits);
        for (const LessonFigures& l : r.lessons) {
            w.figure("lesson", l.lesson, l.title, "opened", l.opened);
            w.figure("lesson", l.lesson, l.title, "completed", l.completed);
            w.figure("lesson", l.lesson, l.title, "quiz_completed", l.quizCompleted);
            if (l.quizAveragePercent) w.figure("lesson", l.lesson, l.title, "quiz_average_percent", numberText(*l.quizAveragePercent));
        }
    }
    for (const TargetProgress& t : r.targets) {
        w.figure("target", t.code, t.label, "of", t.of);
        w.figure("target", t.code, t.label, "target_percent", numberText(t.targetPercent));
        w.figure("target", t.code, t.label, "denominator", t.denominator);
        if (t.targetCount) w.figure("target", t.code, t.label, "target_count", *t.targetCount);
        w.figure("target", t.code, t.label, "achieved", t.achieved);
        if (t.achievedPercent) w.figure("target", t.code, t.label, "achieved_percent", numberText(*t.achievedPercent));
    }
    for (const IndicatorFigures& i : r.indicators)
        for (const ListEntry& e : i.list) w.listRow(i.code, i.label, e);
    return w.take();
}

bool writeFileAtomically(const std::filesystem::path& file, const std::string& bytes, std::string& error)
{
    // The lists name citizens: only the officer who exported the report may read the file, from
    // its first byte, and a file someone else left at that name is replaced, never reused.
    return writePrivateFile(file, bytes, error);
}

} // namespace kiosk
