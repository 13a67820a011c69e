-- wrk script: every request carries a query string no earlier request had, over several pages, mostly with keys
-- the pages do not read (?utm_x=...) and some with keys they do read (q, country, page). Used by
-- memory-unique-queries.sh to show whether the page cache keeps every variant.
local paths = { "/", "/labels", "/series", "/countries", "/feed.xml", "/search" }
local counter = 0
local tag = ""

function setup(thread)
  thread:set("tag", tostring(math.random(1, 1e9)))
end

function init(args)
  tag = wrk.thread:get("tag") or tostring(math.random(1, 1e9))
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  local query
  if counter % 5 == 0 then
    query = "q=word" .. tag .. "x" .. counter
  elseif counter % 7 == 0 then
    query = "country=denmark&page=" .. counter
  else
    query = "utm_source=" .. tag .. "&n=" .. counter
  end
  return wrk.format("GET", path .. "?" .. query)
end
