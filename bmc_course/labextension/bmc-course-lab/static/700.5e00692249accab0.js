"use strict";(self.rspackChunkbmc_course_lab=self.rspackChunkbmc_course_lab||[]).push([[700],{646(e,t,o){var r=o(601),n=o.n(r),a=o(314),s=(o.n(a))()(n());s.push([e.id,`/* Course notebooks with their code hidden: only the text and the widgets show. */
.bmc-course-hide-code .jp-CodeCell .jp-Cell-inputWrapper {
  display: none;
}

/* Run numbers ("[3]:") mean nothing without the code; their column stays, so
   widgets line up with the text. */
.bmc-course-hide-code .jp-CodeCell .jp-OutputArea-prompt {
  visibility: hidden;
}

/* A code cell that shows nothing takes no room. */
.bmc-course-hide-code .jp-CodeCell.jp-mod-noOutputs {
  display: none;
}

.bmc-course-code-toggle {
  margin: 0 4px;
  padding: 0 8px;
  font-size: var(--jp-ui-font-size1);
  color: var(--jp-ui-font-color1);
  background: var(--jp-layout-color2);
  border: 1px solid var(--jp-border-color1);
  border-radius: 2px;
  cursor: pointer;
}

.bmc-course-code-toggle:hover {
  background: var(--jp-layout-color3);
}

.bmc-course-status {
  align-self: center;
  margin: 0 8px;
  font-size: var(--jp-ui-font-size1);
  color: var(--jp-ui-font-color2);
}

/* A line that asks something of the learner: bold text in the theme's own text
   colour (the theme's orange on white is 3.8:1, too faint for text this size),
   marked by an orange bar. */
.bmc-course-status-problem {
  color: var(--jp-ui-font-color0);
  font-weight: bold;
  padding-left: 6px;
  border-left: 4px solid var(--jp-warn-color1);
}

/* The kernel has gone (./src/kernelGone.ts): the widgets are shown as paused and
   cannot be used; a click in the notebook starts a new kernel. */
.bmc-kernel-gone .jp-OutputArea-output {
  opacity: 0.45;
  pointer-events: none;
}
`,""]),o.d(t,{},{A:s})},314(e){e.exports=function(e){var t=[];return t.toString=function(){return this.map(function(t){var o="",r=void 0!==t[5];return t[4]&&(o+="@supports (".concat(t[4],") {")),t[2]&&(o+="@media ".concat(t[2]," {")),r&&(o+="@layer".concat(t[5].length>0?" ".concat(t[5]):""," {")),o+=e(t),r&&(o+="}"),t[2]&&(o+="}"),t[4]&&(o+="}"),o}).join("")},t.i=function(e,o,r,n,a){"string"==typeof e&&(e=[[null,e,void 0]]);var s={};if(r)for(var c=0;c<this.length;c++){var i=this[c][0];null!=i&&(s[i]=!0)}for(var u=0;u<e.length;u++){var l=[].concat(e[u]);r&&s[l[0]]||(void 0!==a&&(void 0===l[5]||(l[1]="@layer".concat(l[5].length>0?" ".concat(l[5]):""," {").concat(l[1],"}")),l[5]=a),o&&(l[2]&&(l[1]="@media ".concat(l[2]," {").concat(l[1],"}")),l[2]=o),n&&(l[4]?(l[1]="@supports (".concat(l[4],") {").concat(l[1],"}"),l[4]=n):l[4]="".concat(n)),t.push(l))}},t}},601(e){e.exports=function(e){return e[1]}},72(e){var t=[];function o(e){for(var o=-1,r=0;r<t.length;r++)if(t[r].identifier===e){o=r;break}return o}function r(e,r){for(var n={},a=[],s=0;s<e.length;s++){var c=e[s],i=r.base?c[0]+r.base:c[0],u=n[i]||0,l="".concat(i," ").concat(u);n[i]=u+1;var p=o(l),d={css:c[1],media:c[2],sourceMap:c[3],supports:c[4],layer:c[5]};if(-1!==p)t[p].references++,t[p].updater(d);else{var f=function(e,t){var o=t.domAPI(t);return o.update(e),function(t){t?(t.css!==e.css||t.media!==e.media||t.sourceMap!==e.sourceMap||t.supports!==e.supports||t.layer!==e.layer)&&o.update(e=t):o.remove()}}(d,r);r.byIndex=s,t.splice(s,0,{identifier:l,updater:f,references:1})}a.push(l)}return a}e.exports=function(e,n){var a=r(e=e||[],n=n||{});return function(e){e=e||[];for(var s=0;s<a.length;s++){var c=o(a[s]);t[c].references--}for(var i=r(e,n),u=0;u<a.length;u++){var l=o(a[u]);0===t[l].references&&(t[l].updater(),t.splice(l,1))}a=i}}},659(e){var t={};e.exports=function(e,o){var r=function(e){if(void 0===t[e]){var o=document.querySelector(e);if(window.HTMLIFrameElement&&o instanceof window.HTMLIFrameElement)try{o=o.contentDocument.head}catch(e){o=null}t[e]=o}return t[e]}(e);if(!r)throw Error("Couldn't find a style target. This probably means that the value for the 'insert' parameter is invalid.");r.appendChild(o)}},540(e){e.exports=function(e){var t=document.createElement("style");return e.setAttributes(t,e.attributes),e.insert(t,e.options),t}},56(e,t,o){e.exports=function(e){var t=o.nc;t&&e.setAttribute("nonce",t)}},206(e){e.exports=function(e){if("u"<typeof document)return{update:function(){},remove:function(){}};var t=e.insertStyleElement(e);return{update:function(o){var r,n,a;r="",o.supports&&(r+="@supports (".concat(o.supports,") {")),o.media&&(r+="@media ".concat(o.media," {")),(n=void 0!==o.layer)&&(r+="@layer".concat(o.layer.length>0?" ".concat(o.layer):""," {")),r+=o.css,n&&(r+="}"),o.media&&(r+="}"),o.supports&&(r+="}"),(a=o.sourceMap)&&"u">typeof btoa&&(r+="\n/*# sourceMappingURL=data:application/json;base64,".concat(btoa(unescape(encodeURIComponent(JSON.stringify(a))))," */")),e.styleTagTransform(r,t,e.options)},remove:function(){var e;null===(e=t).parentNode||e.parentNode.removeChild(e)}}}},113(e){e.exports=function(e,t){if(t.styleSheet)t.styleSheet.cssText=e;else{for(;t.firstChild;)t.removeChild(t.firstChild);t.appendChild(document.createTextNode(e))}}},959(e,t,o){var r=o(72),n=o.n(r),a=o(206),s=o.n(a),c=o(659),i=o.n(c),u=o(56),l=o.n(u),p=o(540),d=o.n(p),f=o(113),h=o.n(f),m=o(646),v={};v.styleTagTransform=h(),v.setAttributes=l(),v.insert=i().bind(null,"head"),v.domAPI=s(),v.insertStyleElement=d(),n()(m.A,v),m.A&&m.A.locals&&m.A.locals}}]);