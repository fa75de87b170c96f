-- wrk script for scripts/bench: every request POSTs a new case study, made from a template document (a case study of
-- the search benchmark's synthetic corpus, without its slug) whose title is "@TITLE@". Each request gets a title of
-- its own, so that each is a new case study with a new slug, as a curator's writes would be.
--
--   wrk ... -s post-case-study.lua URL -- <template.json> <key-file> <run-label>
--
-- The key is read from a file so that it never shows in the process list. Each wrk thread has its own copy of this
-- state; titles are unique across threads (thread number) and runs (run label).
local template, authorization, label
local sent = 0

function setup(thread)
  -- Runs in the main state once per thread: number the threads.
  threads = (threads or 0) + 1
  thread:set("thread_number", threads)
end

local function read(path)
  local file = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  local text = file:read("*a")
  file:close()
  return text
end

function init(args)
  template = read(args[1])
  assert(template:find("@TITLE@", 1, true), "no @TITLE@ in " .. args[1])
  authorization = "Bearer " .. read(args[2]):gsub("%s+$", "")
  label = assert(args[3], "no run label")
end

function request()
  sent = sent + 1
  local title = string.format("Benchmark write %s %d-%d", label, thread_number, sent)
  local body = template:gsub("@TITLE@", title)
  return wrk.format("POST", "/api/v1/case-studies",
    { ["Content-Type"] = "application/json", ["Authorization"] = authorization }, body)
end
