// Slips printed off the frame loop: a printer takes seconds (a network printer, a slow serial
// line; one out of paper holds on until the driver's timeout), and the screen must stay alive.
#pragma once
#include "kiosk/ports/printer.hpp"
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk {

// What the screen on display shows about its slip.
struct SlipStatus {
    enum class Phase { Idle, Printing, Printed, Failed };
    bool available = false;   // a printer is configured: the screens offer "In phiếu"
    Phase phase = Phase::Idle;
    std::string error;        // the printer's own message when Failed (for staff and the log)
};

class PrintWorker {
public:
    explicit PrintWorker(std::unique_ptr<Printer> printer);   // null: no printer, nothing offered
    ~PrintWorker();   // lets a slip being printed finish (the driver's timeouts bound the wait)
    PrintWorker(const PrintWorker&) = delete;
    PrintWorker& operator=(const PrintWorker&) = delete;

    const SlipStatus& status() const { return m_status; }
    uint64_t version() const { return m_version; }   // bumps on every change of the status: redraw
    // Queues the slip; false without a printer or while this screen's slip is printing.
    bool print(Receipt receipt);
    void poll();      // once per frame, on the frame's thread: a finished slip → Printed or Failed
    void reset();     // another screen: Idle again; a slip still printing finishes unseen
    bool busy() const;

private:
    struct Job {
        uint64_t id;
        Receipt receipt;
    };
    struct Done {
        uint64_t id;
        bool ok;
        std::string error;
    };
    void run();
    void set(SlipStatus::Phase phase, std::string error = {});

    std::unique_ptr<Printer> m_printer;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Job> m_queue;
    std::vector<Done> m_done;
    bool m_working = false;
    bool m_stop = false;
    uint64_t m_lastJob = 0;
    uint64_t m_shownJob = 0;   // the job whose outcome the screen waits for; 0 = none
    SlipStatus m_status;
    uint64_t m_version = 0;
};

} // namespace kiosk
