// One printing thread, started with the first slip. The frame's thread owns the status; the
// printing thread only takes jobs and leaves outcomes, both under one mutex.
#include "kiosk/output/print_worker.hpp"
#include <spdlog/spdlog.h>
#include <exception>

namespace kiosk {

PrintWorker::PrintWorker(std::unique_ptr<Printer> printer) : m_printer(std::move(printer))
{
    m_status.available = m_printer != nullptr;
}

PrintWorker::~PrintWorker()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
        m_queue.clear();   // slips nobody will wait for any more
    }
    m_cv.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void PrintWorker::set(SlipStatus::Phase phase, std::string error)
{
    m_status.phase = phase;
    m_status.error = std::move(error);
    ++m_version;
}

bool PrintWorker::print(Receipt receipt)
{
    if (!m_printer || m_status.phase == SlipStatus::Phase::Printing) return false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_shownJob = ++m_lastJob;
        m_queue.push_back({m_shownJob, std::move(receipt)});
    }
    if (!m_thread.joinable()) m_thread = std::thread([this] { run(); });
    m_cv.notify_all();
    set(SlipStatus::Phase::Printing);
    return true;
}

void PrintWorker::poll()
{
    std::vector<Done> done;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        done.swap(m_done);
    }
    for (Done& d : done) {
        // The log names the device's problem, never the slip's content.
        if (!d.ok) spdlog::warn("in phiếu: {}", d.error);
        if (d.id != m_shownJob) continue;   // its screen has gone
        m_shownJob = 0;
        if (d.ok) set(SlipStatus::Phase::Printed);
        else set(SlipStatus::Phase::Failed, std::move(d.error));
    }
}

void PrintWorker::reset()
{
    m_shownJob = 0;
    if (m_status.phase != SlipStatus::Phase::Idle) set(SlipStatus::Phase::Idle);
}

bool PrintWorker::busy() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_working || !m_queue.empty() || !m_done.empty();
}

void PrintWorker::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_cv.wait(lock, [this] { return m_stop || !m_queue.empty(); });
        if (m_queue.empty()) return;   // stopping, nothing left
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        m_working = true;
        lock.unlock();
        std::string error;
        bool ok = false;
        // A driver that throws must not end the kiosk nor leave the worker busy: the slip fails
        // with a message, the log says what was thrown (never the slip's content).
        try {
            ok = m_printer->print(job.receipt, error);
        } catch (const std::exception& e) {
            spdlog::error("in phiếu: trình điều khiển máy in gặp lỗi bất ngờ: {}", e.what());
            error = "Máy in gặp lỗi bất ngờ. Xin báo cán bộ kỹ thuật.";
        } catch (...) {
            spdlog::error("in phiếu: trình điều khiển máy in gặp lỗi bất ngờ");
            error = "Máy in gặp lỗi bất ngờ. Xin báo cán bộ kỹ thuật.";
        }
        lock.lock();
        m_working = false;
        m_done.push_back({job.id, ok, std::move(error)});
    }
}

} // namespace kiosk
