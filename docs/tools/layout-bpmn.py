#!/usr/bin/env python3
"""Draws BPMN files anew: one pool named after the process, lanes by role, steps left to right in columns, and the
reminder and escalation of a dated task as one compact block under the task (docs/modeling.md, "A dated task").
Only the pool (collaboration), the lane set and the diagram are written; the process's executable XML is left as it
is, so the file still merges with edits of its expressions. Usage (from the repository root):
    python3 docs/tools/layout-bpmn.py bpmn/roadmap-item.bpmn ...
"""
import itertools, math, re, sys
import xml.etree.ElementTree as ET

B = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
C = "{http://camunda.org/schema/1.0/bpmn}"
NODES = {"userTask", "serviceTask", "sendTask", "scriptTask", "businessRuleTask", "task", "callActivity", "subProcess",
         "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "exclusiveGateway",
         "parallelGateway", "inclusiveGateway", "eventBasedGateway"}
SYSTEM = "Система"
ROLES = {"curator": "Куратор", "deputy-director": "Заместитель директора", "director": "Директор",
         "${curatorId}": "Куратор", "${mentorUserId}": "Наставник", "${pairReviewer}": "Куратор",
         "${itemGroup}": "Ответственный за пункт"}
CALLED = {"roadmap-item": "Куратор"}

# a process too wide to read in one row is drawn in parts, one above the other, each with its own role lanes:
# the part's name and the first step in it
PARTS = {"programme-stage-5-pairs": [("1. Групповая встреча и анкеты предпочтений", None),
                                     ("2. Предложение пар и проект распоряжения", "Task_ProposePairs"),
                                     ("3. Распоряжение и начало работы пар", "Task_RecordOrderApproval")]}
LANE_ORDER = ["Ответственный за пункт", "Наставник", "Куратор", "Заместитель директора", "Директор", SYSTEM]
TASK_W, TASK_H, SMALL_W, SMALL_H = 180, 80, 150, 64  # a step; the reminder and escalation tasks under a dated task
GAP, PAD, LANE_HEAD, POOL_HEAD = 45, 40, 30, 30


def kind(tag):
    return "event" if tag.endswith("Event") else "gateway" if tag.endswith("Gateway") else "task"


def label_height(name, width):
    return 14 * max(1, math.ceil(len(name) * 6.4 / width)) if name else 0


class Drawing:
    def __init__(self, path, lanes_by=None):
        self.path = path
        self.text = open(path, encoding="utf-8").read()
        self.process = ET.fromstring(self.text.encode("utf-8")).find(B + "process")
        self.el = {e.get("id"): e for e in self.process.iter() if e.get("id")}
        self.tag = {i: e.tag[len(B):] for i, e in self.el.items()}
        self.host_of = {b.get("id"): b.get("attachedToRef") for b in self.process.iter(B + "boundaryEvent")}
        self.flows = list(self.process.iter(B + "sequenceFlow"))
        self.out, self.inc = {}, {}
        for f in self.flows:
            self.out.setdefault(f.get("sourceRef"), []).append(f)
            self.inc.setdefault(f.get("targetRef"), []).append(f)
        self.lanes_by = lanes_by or {}
        self.pos, self.lane, self.back, self.routes, self.segs = {}, {}, set(), {}, []
        self.blocks = {h: self.dated(h) for h in dict.fromkeys(self.host_of.values())}   # in file order: the same output each run
        self.block_of = {x: h for h, bl in self.blocks.items() for blk in bl for x in blk}

    def dated(self, host):
        """The reminder and escalation of a dated task: boundary timer -> one service task -> end event."""
        found = []
        for b, h in self.host_of.items():
            outs = self.out.get(b, [])
            if h != host or self.el[b].find(B + "timerEventDefinition") is None or len(outs) != 1:
                continue
            task = outs[0].get("targetRef")
            after = self.out.get(task, [])
            if self.tag[task] == "serviceTask" and len(after) == 1 and self.tag[after[0].get("targetRef")] == "endEvent":
                found.append((b, task, after[0].get("targetRef")))
        # the reminder comes first: row 1, straight under its timer
        return sorted(found, key=lambda blk: 0 if "Remind" in blk[0] else 1)

    def size(self, i):
        if self.tag[i] == "subProcess":
            return self.sub_size[i]
        return {"event": (36, 36), "gateway": (50, 50)}.get(kind(self.tag[i]), (TASK_W, TASK_H))

    def role(self, i, pred):
        if i in self.lanes_by:
            return self.lanes_by[i]
        e, t = self.el[i], self.tag[i]
        if t == "userTask":
            who = e.get(C + "assignee") or e.get(C + "candidateGroups") or ""
            return ROLES.get(who) or ROLES.get(who.split(",")[0], "Куратор")
        if t == "subProcess":
            return next((self.role(u.get("id"), None) for u in e.iter(B + "userTask")), pred)
        if t == "callActivity":   # the people who do the called work: a pair's meetings, the roadmap's items, a stage
            return "Куратор" if e.get("calledElement", "").startswith("programme-stage") else CALLED.get(e.get("calledElement"), SYSTEM)
        if t in ("serviceTask", "sendTask", "scriptTask", "businessRuleTask", "intermediateCatchEvent"):
            return SYSTEM
        return pred

    # ---- placing the nodes of one container (the process, or an expanded sub-process) ----
    def place(self, container, lanes):
        ids = [e.get("id") for e in container if e.tag[len(B):] in NODES and e.get("id") not in self.block_of]
        succ, preds = {i: [] for i in ids}, {i: [] for i in ids}
        for f in self.flows:
            s, t = self.host_of.get(f.get("sourceRef"), f.get("sourceRef")), f.get("targetRef")
            if s in succ and t in succ:
                succ[s].append((t, f.get("id")))
                preds[t].append((s, f.get("id")))
        state = {}

        def dfs(n):
            state[n] = 1
            for t, fid in succ[n]:
                if state.get(t) == 1:
                    self.back.add(fid)
                elif t not in state:
                    dfs(t)
            state[n] = 2
        for i in [i for i in ids if not preds[i]] + ids:
            if i not in state:
                dfs(i)
        layer = {}

        def lay(n):
            if n not in layer:
                layer[n] = 0
                layer[n] = max((lay(s) + 1 for s, fid in preds[n] if fid not in self.back), default=0)
            return layer[n]
        for i in ids:
            lay(i)
        rest = {}

        def remaining(n):   # steps still ahead: the main way goes first, a side branch to a far join later
            if n not in rest:
                rest[n] = 0
                rest[n] = max((remaining(t) + 1 for t, fid in succ[n] if fid not in self.back), default=0)
            return rest[n]
        parts = PARTS.get(self.process.get("id")) if lanes else None
        part = {i: "" for i in ids}
        if parts:
            # a lone step between a split and its join (the roadmap's items) is drawn next to the join
            for i in ids:
                if len(preds[i]) == 1 and len(succ[i]) == 1 and self.tag[preds[i][0][0]] == "parallelGateway" \
                        and self.tag[succ[i][0][0]] == "parallelGateway":
                    layer[i] = layer[succ[i][0][0]] - 1
            starts = [(layer[first] if first else 0, name) for name, first in parts]
            for i in ids:
                part[i] = [name for start, name in starts if start <= layer[i]][-1]
        order = sorted(ids, key=lambda i: (layer[i], -remaining(i), ids.index(i)))
        lane = {}
        for i in order:
            p = next((lane[s] for s, fid in preds[i] if s in lane and fid not in self.back), None)
            lane[i] = self.role(i, p and p.split("|")[-1]) if lanes else ""
        for i in reversed(order):
            if lane[i] is None:
                lane[i] = next((lane[t].split("|")[-1] for t, fid in succ[i] if lane.get(t)), "Куратор")
        if parts:
            lane = {i: part[i] + "|" + ln for i, ln in lane.items()}
        width = {}
        for i in ids:
            k = len(self.blocks.get(i, []))
            w = max(self.size(i)[0], 40 * (k - 1) + 20 + SMALL_W + 30 + 36 + 30) if k else self.size(i)[0]
            if self.named_ways(i):
                w += 70   # room for the names of a split's ways
            width[layer[i]] = max(width.get(layer[i], 0), w)
        colx, x = {}, 0
        first_layers = {min(layer[i] for i in ids if part[i] == p) for p in set(part.values())}
        for c in range(max(layer.values(), default=-1) + 1):
            x = 0 if c in first_layers else x   # each part starts at the left
            colx[c] = x
            x += width.get(c, 0) + GAP
        taken, pos = {}, {}

        def free(ln, r):
            return all(r[2] + 2 <= o[0] or o[2] + 2 <= r[0] or r[3] + 16 <= o[1] or o[3] + 16 <= r[1]
                       for o in taken.get(ln, []))
        for i in order:
            w, h = self.size(i)
            k = len(self.blocks.get(i, []))
            cw = width[layer[i]]
            x0 = colx[layer[i]] + ((cw - w) / 2 if not self.named_ways(i) and not k else 0)
            kd = kind(self.tag[i])
            # a dated task's block, an event's label under it and a gateway's label above it take room too
            below = 60 + 15 * (k - 1) + 90 * k if k else 0
            above = 100 if any(self.host_of[b] == i and b not in self.block_of for b in self.host_of) else 0
            y = -h / 2

            def probe(y):   # the shape with its block below and a boundary branch above; its label
                lb = self.label(i, at=(x0, y, w, h))
                return [(x0, y - above, x0 + w, y + h + below)] + ([(lb[0], lb[1], lb[0] + lb[2], lb[1] + lb[3])] if lb else [])
            while not all(free(lane[i], r) for r in probe(y)):
                y += 10
            taken.setdefault(lane[i], []).extend(probe(y))
            pos[i] = [x0, y, w, h]
        # the other boundary branches (a withdrawn consent, ...): the event on the task's top edge, its branch above
        for b, h in self.host_of.items():
            if h in pos and b not in self.block_of:
                x0, y0, w, hh = pos[h]
                pos[b] = [x0 + w - 48, y0 - 18, 36, 36]
                lane[b] = lane[h]
                for fl in self.out.get(b, []):
                    t = fl.get("targetRef")
                    tw, th = self.size(t)
                    pos[t][1] = y0 - 70 - th / 2
        # the compact block of a dated task: row r holds timer r's service task and end event
        for h, bl in self.blocks.items():
            if h not in pos:
                continue
            x0, y0, w, hh = pos[h]
            k = len(bl)
            tx, top = x0 + 20 + 40 * (k - 1), y0 + hh + 60 + 15 * (k - 1)
            for r, (b, task, end) in enumerate(bl, start=1):
                ry = top + 90 * (r - 1)
                pos[task] = [tx, ry, SMALL_W, SMALL_H]
                pos[end] = [tx + SMALL_W + 30, ry + SMALL_H / 2 - 18, 36, 36]
                bx = tx + SMALL_W / 2 if r == 1 else x0 + 18 + 40 * (k - r)
                pos[b] = [bx - 18, y0 + hh - 18, 36, 36]
                for n in (b, task, end):
                    lane[n] = lane[h]
        self.lane.update(lane)
        return pos, lane

    def stack(self, pos, lane, lanes):
        """Lanes one under another, each as tall as what it holds; returns the lanes' bands."""
        ys = {}
        for i, (x0, y0, w, h) in pos.items():
            kd = kind(self.tag[i])
            lo = y0 - (34 if kd == "gateway" and i not in self.host_of else 0)
            hi = y0 + h + (40 if kd == "event" and i not in self.host_of else 0)
            a, b = ys.get(lane[i], (1e9, -1e9))
            ys[lane[i]] = (min(a, lo), max(b, hi))
        role = {i: ln.split("|")[-1] for i, ln in lane.items()}
        roles = {ln.split("|")[-1] for ln in ys}
        used = [l for l in LANE_ORDER if l in roles] + [l for l in roles if l not in LANE_ORDER]
        if lanes and 1 < len(used) <= 6:   # the order of roles with the fewest lanes crossed
            def cost(o):
                at = {l: n for n, l in enumerate(o)}
                return sum(abs(at[role[self.host_of.get(f.get("sourceRef"), f.get("sourceRef"))]] - at[role[f.get("targetRef")]])
                           for f in self.flows if f.get("targetRef") in role and
                           self.host_of.get(f.get("sourceRef"), f.get("sourceRef")) in role)
            used = list(min(itertools.permutations(used), key=lambda o: (cost(o), [used.index(l) for l in o])))
        parts = [p for p, first in PARTS.get(self.process.get("id"), [])] if lanes else []
        used = [p + "|" + r for p in parts for r in used if p + "|" + r in ys] if parts else used
        bands, y = [], 0
        for ln in used:
            lo, hi = ys[ln]
            for i in pos:
                if lane[i] == ln:
                    pos[i][1] += y + PAD - lo
            bands.append((ln, y, hi - lo + 2 * PAD))
            y += hi - lo + 2 * PAD
        return bands, y

    def run(self):
        self.sub_size, inner = {}, {}
        for s in reversed(list(self.process.iter(B + "subProcess"))):
            p, ln = self.place(s, lanes=False)
            bands, height = self.stack(p, ln, lanes=False)
            minx = min(v[0] for v in p.values())
            for v in p.values():
                v[0] += 30 - minx
                v[1] += 30
            self.sub_size[s.get("id")] = (max(v[0] + v[2] for v in p.values()) + 60, height + 40)
            inner[s.get("id")] = p
        pos, lane = self.place(self.process, lanes=True)
        bands, height = self.stack(pos, lane, lanes=True)
        left = POOL_HEAD + LANE_HEAD * (2 if any("|" in b[0] for b in bands) else 1) + 40
        minx = min(v[0] for v in pos.values())
        for v in pos.values():
            v[0] += left - minx
        for s, p in inner.items():
            for i, v in p.items():
                pos[i] = [v[0] + pos[s][0], v[1] + pos[s][1], v[2], v[3]]
                lane[i] = lane[s]
        self.pos = pos
        width = max(v[0] + v[2] for v in pos.values()) + 130   # room for the names of the last flows
        self.pool = (0, 0, width, height)
        self.bands = bands
        return self

    # ---- flows ----
    def route(self, f):
        if f.get("id") not in self.routes:
            pts = self.find_route(f)
            self.routes[f.get("id")] = pts
            self.segs += [(a, b) for a, b in zip(pts, pts[1:])]
        return self.routes[f.get("id")]

    def find_route(self, f):
        fid, s, t = f.get("id"), f.get("sourceRef"), f.get("targetRef")
        sx, sy, sw, sh = self.pos[s]
        tx, ty, tw, th = self.pos[t]
        scx, scy, tcx, tcy = sx + sw / 2, sy + sh / 2, tx + tw / 2, ty + th / 2
        if s in self.block_of:                       # a dated task's block
            host = self.block_of[s]
            if self.tag[s] == "boundaryEvent":
                if abs(tcx - scx) < 1:
                    return [(scx, sy + sh), (scx, ty)]
                return [(scx, sy + sh), (scx, tcy), (tx, tcy)]
            return [(sx + sw, scy), (tx, tcy)]
        if s in self.host_of:                         # another boundary branch, drawn above
            return [(scx, sy), (scx, tcy), (tx, tcy)]
        if fid in self.back:                          # back to an earlier step: over the top, or round by a channel
            top = min(sy, ty) - 22 - 8 * (sorted(self.back).index(fid) % 3)
            first = next(g.get("id") for g in self.out[s] if g.get("id") in self.back)
            ways = [[(scx, sy), (scx, top), (tcx, top), (tcx, ty)]] if first == fid else []
            for c in sorted(self.channels(), key=lambda c: abs(c - ty)):
                ways.append([(sx + sw, scy), (sx + sw + 15, scy), (sx + sw + 15, c), (tcx, c), (tcx, ty if c < ty else ty + th)])
            return next((w for w in ways if self.clear(w, s, t)), ways[0] if first == fid else ways[-1])
        ways = []
        if abs(scy - tcy) < 1:
            ways.append([(sx + sw, scy), (tx, tcy)])
        if kind(self.tag[s]) == "gateway" and self.nearest(s) != fid:   # a split's other ways leave from a corner
            ways.append([(scx, sy if tcy < scy else sy + sh), (scx, tcy), (tx, tcy)])
        if kind(self.tag[t]) == "gateway":            # a join is entered from its top or bottom corner
            ways.append([(sx + sw, scy), (tcx, scy), (tcx, ty if scy < tcy else ty + th)])
        ways.append([(sx + sw, scy), (tx - GAP / 2, scy), (tx - GAP / 2, tcy), (tx, tcy)])
        ways.append([(sx + sw, scy), (sx + sw + GAP / 2, scy), (sx + sw + GAP / 2, tcy), (tx, tcy)])
        end = (tcx, ty) if kind(self.tag[t]) == "gateway" else None
        for cy in sorted(self.channels(), key=lambda c: abs(c - scy) + abs(c - tcy)):
            if end:
                ways.append([(sx + sw, scy), (sx + sw + 15, scy), (sx + sw + 15, cy), (tcx, cy), (tcx, ty if cy < tcy else ty + th)])
            else:
                ways.append([(sx + sw, scy), (sx + sw + 15, scy), (sx + sw + 15, cy), (tx - 15, cy), (tx - 15, tcy), (tx, tcy)])
        return next((w for w in ways if self.clear(w, s, t)), ways[0])

    def channels(self):
        """Heights where a long flow can run: the top and bottom of each lane."""
        return [y + 14 for ln, y, h in self.bands] + [y + h - 14 for ln, y, h in self.bands]

    def clear(self, pts, s, t):
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            x0, x1, y0, y1 = min(ax, bx), max(ax, bx), min(ay, by), max(ay, by)
            for (cx, cy), (dx, dy) in (self.segs if (ax, ay) != pts[0] else []):   # no running along another flow
                if x0 == x1 and cx == dx and abs(cx - x0) < 4 and min(cy, dy) < y1 - 1 and y0 + 1 < max(cy, dy):
                    return False
                if y0 == y1 and cy == dy and abs(cy - y0) < 4 and min(cx, dx) < x1 - 1 and x0 + 1 < max(cx, dx):
                    return False
            for i, (x, y, w, h) in self.pos.items():
                if i in (s, t) or self.tag[i] == "subProcess" and (self.contains(i, s) or self.contains(i, t)):
                    continue
                if x0 < x + w + 2 and x - 2 < x1 and y0 < y + h + 2 and y - 2 < y1:
                    return False
        return True

    def contains(self, sub, i):
        return any(e.get("id") == i for e in self.el[sub].iter())

    def nearest(self, s):
        """The way out of a split drawn from its right corner: the one to the step nearest in height."""
        cy = self.pos[s][1] + self.pos[s][3] / 2
        outs = [f for f in self.out.get(s, []) if f.get("id") not in self.back]
        if not outs:
            return None
        return min(outs, key=lambda f: abs(self.pos[f.get("targetRef")][1] + self.pos[f.get("targetRef")][3] / 2 - cy)).get("id")

    # ---- writing ----
    def named_ways(self, i):
        return kind(self.tag[i]) == "gateway" and any(f.get("name") for f in self.out.get(i, []))

    def label(self, i, at=None):
        name = self.el[i].get("name") or ""
        if not name:
            return None
        x, y, w, h = at or self.pos[i]
        kd = kind(self.tag[i])
        if i in self.block_of and kind(self.tag[i]) == "event" and i in self.host_of:
            host = self.block_of[i]
            hx, hy, hw, hh = self.pos[host]
            bl = self.blocks[host]
            r = [blk[0] for blk in bl].index(i) + 1
            if r == 1:
                return (x + 40, hy + hh + 4, 80, label_height(name, 80))
            return (x - 84 if r == len(bl) else x + 40, hy + hh + 20 + 15 * (r - 2), 80, label_height(name, 80))
        if i in self.host_of:
            return (x + 40, y - 10, 90, label_height(name, 90))
        if kd == "gateway":
            lw = 64
            lh = label_height(name, lw)
            return (x + w / 2 - lw - 4, y - lh - 4, lw, lh)
        if kd == "event" and i in self.block_of:
            return (x + w / 2 - 38, y + h + 4, 76, label_height(name, 76))
        if kd == "event":
            lw = 96
            return (x + w / 2 - lw / 2, y + h + 6, lw, label_height(name, lw))
        return None

    def write(self):
        pid = self.process.get("id")
        name = self.process.get("name") or pid
        key = pid.replace("-", "_")
        lanes_xml = ['    <bpmn:laneSet id="LaneSet_%s">' % key]
        shapes = []
        top = [i for i in self.pos if self.el[i] in list(self.process) and i not in self.host_of]

        def lane_shape(lid, x, y, h):
            shapes.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s" isHorizontal="true">\n'
                          '        <dc:Bounds x="%d" y="%d" width="%d" height="%d" />\n      </bpmndi:BPMNShape>'
                          % (lid, lid, x, y, self.pool[2] - x, h))
        parts = []
        for ln, y, h in self.bands:
            if "|" in ln and (not parts or parts[-1][0] != ln.split("|")[0]):
                parts.append((ln.split("|")[0], y, []))
            if parts:
                parts[-1][2].append((ln, y, h))
        for n, (pname, py, bands) in enumerate(parts, start=1):   # a part: a lane holding the role lanes
            pid_ = "Lane_Part%d" % n
            lanes_xml.append('      <bpmn:lane id="%s" name="%s">' % (pid_, pname))
            lanes_xml += ["        <bpmn:flowNodeRef>%s</bpmn:flowNodeRef>" % i for i in top if self.lane[i].startswith(pname + "|")]
            lanes_xml.append('        <bpmn:childLaneSet id="LaneSet_Part%d">' % n)
            for ln, y, h in bands:
                lid = pid_ + "_" + lane_id(ln.split("|")[1])
                lanes_xml.append('          <bpmn:lane id="%s" name="%s">' % (lid, ln.split("|")[1]))
                lanes_xml += ["            <bpmn:flowNodeRef>%s</bpmn:flowNodeRef>" % i for i in top if self.lane[i] == ln]
                lanes_xml.append("          </bpmn:lane>")
                lane_shape(lid, POOL_HEAD + LANE_HEAD, y, h)
            lanes_xml += ["        </bpmn:childLaneSet>", "      </bpmn:lane>"]
            lane_shape(pid_, POOL_HEAD, py, sum(h for ln, y, h in bands))
        for ln, y, h in ([] if parts else self.bands):
            lid = "Lane_" + lane_id(ln)
            lanes_xml.append('      <bpmn:lane id="%s" name="%s">' % (lid, ln))
            lanes_xml += ["        <bpmn:flowNodeRef>%s</bpmn:flowNodeRef>" % i for i in top if self.lane.get(i) == ln]
            lanes_xml.append("      </bpmn:lane>")
            lane_shape(lid, POOL_HEAD, y, h)
        lanes_xml.append("    </bpmn:laneSet>")
        part = "Participant_" + key
        out = ['  <bpmndi:BPMNDiagram id="BPMNDiagram_%s">' % key,
               '    <bpmndi:BPMNPlane id="BPMNPlane_%s" bpmnElement="Collaboration_%s">' % (key, key),
               '      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s" isHorizontal="true">\n'
               '        <dc:Bounds x="0" y="0" width="%d" height="%d" />\n      </bpmndi:BPMNShape>'
               % (part, part, self.pool[2], self.pool[3])] + shapes
        ordered = [i for i in self.el if i in self.pos]
        ordered.sort(key=lambda i: (i in self.host_of))   # boundary events after their hosts
        for i in ordered:
            x, y, w, h = self.pos[i]
            extra = ' isMarkerVisible="true"' if self.tag[i] == "exclusiveGateway" else ""
            extra += ' isExpanded="true"' if self.tag[i] == "subProcess" else ""
            s = ('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s>\n        <dc:Bounds x="%d" y="%d" width="%d" height="%d" />'
                 % (i, i, extra, x, y, w, h))
            lb = self.label(i)
            if lb:
                s += '\n        <bpmndi:BPMNLabel>\n          <dc:Bounds x="%d" y="%d" width="%d" height="%d" />\n        </bpmndi:BPMNLabel>' % lb
            out.append(s + "\n      </bpmndi:BPMNShape>")
        for f in self.flows:
            pts = self.route(f)
            s = '      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">\n' % (f.get("id"), f.get("id"))
            s += "".join('        <di:waypoint x="%d" y="%d" />\n' % p for p in pts)
            if f.get("name"):
                (ax, ay), (bx, by) = pts[0], pts[1]
                lw = max(30, min(90, len(f.get("name")) * 6.4))
                lh = label_height(f.get("name"), lw)
                if abs(ax - bx) < 1:   # leaves upwards or downwards: the label beside the line
                    ly = ay - lh - 4 if by < ay else ay + 4
                    # two ways up out of one corner: the second one's name on the left of the line
                    twin = [g.get("id") for g in self.out[f.get("sourceRef")] if self.route(g)[0] == pts[0]]
                    lx = ax - lw - 5 if twin.index(f.get("id")) % 2 else ax + 5
                    s += '        <bpmndi:BPMNLabel>\n          <dc:Bounds x="%d" y="%d" width="%d" height="%d" />\n        </bpmndi:BPMNLabel>\n' % (lx, ly, lw, lh)
                else:   # above the line; a split's second way out of the same corner below it
                    second = kind(self.tag[f.get("sourceRef")]) == "gateway" and self.nearest(f.get("sourceRef")) != f.get("id")
                    s += '        <bpmndi:BPMNLabel>\n          <dc:Bounds x="%d" y="%d" width="%d" height="%d" />\n        </bpmndi:BPMNLabel>\n' % (ax + 6, ay + 3 if second else ay - lh - 3, lw, lh)
            out.append(s + "      </bpmndi:BPMNEdge>")
        out += ["    </bpmndi:BPMNPlane>", "  </bpmndi:BPMNDiagram>"]
        collab = ('  <bpmn:collaboration id="Collaboration_%s">\n    <bpmn:participant id="%s" name="%s" processRef="%s" />\n'
                  '  </bpmn:collaboration>\n' % (key, part, name, pid))
        text = re.sub(r"  <bpmn:collaboration .*?</bpmn:collaboration>\n", "", self.text, flags=re.S)
        text = re.sub(r"    <bpmn:laneSet .*?</bpmn:laneSet>\n", "", text, flags=re.S)
        # the lane set goes after the process's documentation and extension elements, before its flow elements
        text = re.sub(r"(  <bpmn:process [^>]*>\n)((?:    <bpmn:documentation>.*?</bpmn:documentation>\n)?"
                      r"(?:    <bpmn:extensionElements>.*?\n    </bpmn:extensionElements>\n)?)",
                      lambda m: collab + m.group(1) + m.group(2) + "\n".join(lanes_xml) + "\n", text, count=1, flags=re.S)
        text = re.sub(r"  <bpmndi:BPMNDiagram .*</bpmndi:BPMNDiagram>", "\n".join(out), text, flags=re.S)
        open(self.path, "w", encoding="utf-8").write(text)


def lane_id(name):
    return {"Куратор": "Curator", "Заместитель директора": "DeputyDirector", "Директор": "Director",
            "Наставник": "Mentor", SYSTEM: "System", "Ответственный за пункт": "ItemOwner"}.get(name, "Other")


if __name__ == "__main__":
    for path in sys.argv[1:]:
        Drawing(path).run().write()
        print("drew", path)
