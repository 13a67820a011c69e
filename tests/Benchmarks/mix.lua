-- wrk script: cycles over a mix of pages and searches, and counts answers by class so the caller can tell 5xx
-- (never acceptable) from 4xx (an entry that a concurrent edit just deleted). Paths come from the environment
-- variable MIX_PATHS (space-separated), or a default list. Prints "status-classes 2xx=N 3xx=N 4xx=N 5xx=N" at the end.
local paths = {}
for p in string.gmatch(os.getenv("MIX_PATHS") or "/ /series /labels /countries /search?q=jazz /feed.xml", "%S+") do
  paths[#paths + 1] = p
end
local counter = 0
classes = { 0, 0, 0, 0, 0 }   -- global: done() reads it from each thread
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  local class = math.floor(status / 100)
  if class >= 1 and class <= 5 then classes[class] = classes[class] + 1 end
end

function done(summary, latency, requests)
  local totals = { 0, 0, 0, 0, 0 }
  for _, thread in ipairs(threads) do
    local counts = thread:get("classes")
    for i = 1, 5 do totals[i] = totals[i] + counts[i] end
  end
  io.write(string.format("status-classes 2xx=%d 3xx=%d 4xx=%d 5xx=%d\n", totals[2], totals[3], totals[4], totals[5]))
end
