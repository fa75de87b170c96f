-- wrk script for scripts/bench-search: sends the request paths listed in a file (one per line, given after --),
-- in turn, so that several queries of one kind share the load instead of one hot query that every cache keeps.
-- Each wrk thread has its own copy of this state and starts at a different line.
local paths = {}
local position = 0

function setup(thread)
  -- Runs in the main state once per thread: give each thread a different starting line.
  counter = (counter or 0) + 1
  thread:set("start", counter)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read " .. tostring(args[1]))
  for line in file:lines() do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  file:close()
  assert(#paths > 0, "no paths in " .. args[1])
  position = (start or 1) - 1
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end
